// The portal's build: one single-page app with hashed assets under assets/, written to
// <repo>/dist/portal where the gateway serves it (PORTAL_DIR). `@kipp/contracts` resolves to
// its sources; only what the portal imports from it ends up in the bundle.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const portalRoot = import.meta.dirname;
const workspaceRoot = path.resolve(portalRoot, '../../..');
const contractsRoot = path.join(workspaceRoot, 'libs/contracts/src');

/** Contracts modules only declare values: let the bundler drop whatever the portal does not use. */
function contractsWithoutSideEffects(): Plugin {
  return {
    name: 'kipp-contracts-side-effect-free',
    transform: {
      filter: { id: { include: [new RegExp(`^${contractsRoot.replace(/[/\\]/g, '[/\\\\]')}`)] } },
      handler: (code) => ({ code, map: null, moduleSideEffects: false }),
    },
  };
}

export default defineConfig({
  root: portalRoot,
  base: '/',
  plugins: [react(), contractsWithoutSideEffects()],
  resolve: {
    alias: { '@kipp/contracts': path.join(contractsRoot, 'index.ts') },
  },
  build: {
    outDir: path.join(workspaceRoot, 'dist/portal'),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
    // The gateway's CSP allows no inline scripts: never inline the module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    strictPort: true,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
