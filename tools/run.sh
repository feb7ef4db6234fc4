#!/bin/sh
# Entry point of `npm start`, `npm test` and `npm run infra:*` on a fresh clone:
# installs the npm dependencies when they are missing or stale (they include Node.js 24
# from the npm registry, which npm scripts then find first on PATH), checks the runtime
# and hands over to the TypeScript command in tools/.
set -eu
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[kipp] installing npm dependencies…"
  # `npm install` rather than `npm ci`: it installs the locked versions as well, and it
  # accepts a lock file that lacks the optional binaries of other platforms, which some
  # registry mirrors leave out.
  npm install --no-audit --no-fund --loglevel=error
fi

PATH="$PWD/node_modules/.bin:$PATH"
export PATH
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
# kafkajs 2.2.4 schedules a negative timeout on Node 24 (harmless, unfixed upstream).
NODE_OPTIONS="${NODE_OPTIONS:-} --disable-warning=TimeoutNegativeWarning"
export NODE_OPTIONS

node tools/check-node.cjs
command="$1"
shift
exec node "tools/$command.mts" "$@"
