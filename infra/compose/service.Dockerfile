# One image for the six services and the topic-init job: the repository with its npm
# dependencies, run from TypeScript sources by @swc-node/register (as `nx serve` does).
# Built by infra/compose/docker-compose.yml with the repository root as context.
FROM node:24-bookworm-slim

WORKDIR /app
ENV NODE_ENV=development \
    NX_DAEMON=false \
    NX_NO_CLOUD=true

# Dependencies first, so source edits do not reinstall them.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund --loglevel=error

COPY . .

USER node
EXPOSE 3000 3001 3002 3003 3004 3005
CMD ["node", "-e", "console.error('set the command: node -r @swc-node/register services/<name>/src/main.ts'); process.exit(2)"]
