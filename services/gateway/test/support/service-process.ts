import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eventually } from '@kipp/testing';
import { closedPort } from './upstream-servers';

const workspaceRoot = path.resolve(__dirname, '../../../..');

export interface RunningService {
  readonly url: string;
  /** Its JSON log lines so far, parsed. */
  logLines(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * A platform service (the gateway included) run the way `npm start` runs it, as its own
 * process, on `port` (a free one by default); ready once `/health/ready` answers 200. The
 * gateway's specs use it for the real services behind it, which it may not import, and
 * where they read logs. The log is kept in `.local/logs/gateway-test/`.
 */
export async function startServiceProcess(
  name: string,
  options: { readonly env: Record<string, string>; readonly port?: number },
): Promise<RunningService> {
  const port = options.port ?? (await closedPort());
  const logDir = path.join(workspaceRoot, '.local', 'logs', 'gateway-test');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}-${port}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', `services/${name}/src/main.ts`],
    {
      cwd: workspaceRoot,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        HOST: '127.0.0.1',
        PORT: String(port),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
        const response = await fetch(`${url}/health/ready`);
        if (response.status !== 200) throw new Error(`${name} not ready`);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    stop,
    async logLines() {
      const text = await readFile(logFile, 'utf8');
      return text
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  };
}
