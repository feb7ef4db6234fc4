// Builds the web portal (services/gateway/portal) into dist/portal, where the gateway serves
// it from (PORTAL_DIR). Vite runs on this same Node, so no PATH is assumed.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function buildPortal(): Promise<void> {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const config = path.join(root, 'services', 'gateway', 'portal', 'vite.config.mts');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', config, '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the portal build failed (${signal ?? code})`));
    });
  });
}
