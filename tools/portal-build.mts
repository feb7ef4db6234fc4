// Builds the web portal (services/gateway/portal) into dist/portal, where the gateway serves
// it from (PORTAL_DIR), through its Nx target: the one definition of the build, cached
// between runs while the portal's sources are unchanged.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function buildPortal(): Promise<void> {
  const nx = path.join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [nx, 'run', 'portal:build', '--outputStyle=stream', '--verbose=false'],
      { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' } },
    );
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`the portal build failed (${signal ?? code})`));
    });
  });
}
