import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { ServiceName } from '@kipp/contracts';
import { eventually } from '@kipp/testing';

export const workspaceRoot = path.resolve(__dirname, '../..');
const logDir = path.join(workspaceRoot, '.local', 'logs', 'e2e');

export type { ServiceName } from '@kipp/contracts';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * One service running as its own process, exactly as `npm start` runs it, so tests can
 * kill it with SIGKILL and start it again on the same database and topics.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> | undefined;
  private starts = 0;

  private constructor(
    readonly name: ServiceName,
    readonly port: number,
    private env: Record<string, string>,
  ) {}

  /** Starts `name` on `port` (a free one unless given, e.g. when its URL had to be known first). */
  static async start(
    name: ServiceName,
    env: Record<string, string>,
    port?: number,
  ): Promise<ServiceProcess> {
    const service = new ServiceProcess(name, port ?? (await freePort()), env);
    await service.spawn();
    return service;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process again, optionally with changed variables. */
  async restart(changes: Record<string, string> = {}): Promise<void> {
    await this.stop('SIGTERM');
    this.env = { ...this.env, ...changes };
    await this.spawn();
  }

  /** Kills the process at once: no shutdown hooks, no drain. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** Signals the process and resolves with its exit code (null when a signal ended it). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return (await this.exited) ?? null;
  }

  fetch(route: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.url}${route}`, init);
  }

  private async spawn(): Promise<void> {
    mkdirSync(logDir, { recursive: true });
    this.starts += 1;
    const log = createWriteStream(
      path.join(logDir, `${this.name}-${this.port}-${this.starts}.log`),
    );
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join('services', this.name, 'src', 'main.ts')],
      {
        cwd: workspaceRoot,
        env: {
          PATH: process.env['PATH'] ?? '',
          HOME: process.env['HOME'] ?? '',
          NODE_OPTIONS: process.env['NODE_OPTIONS'] ?? '',
          HOST: '127.0.0.1',
          PORT: String(this.port),
          ...this.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}`);
        const response = await this.fetch('/health/ready');
        if (response.status !== 200)
          throw new Error(`${this.name} not ready: ${await response.text()}`);
      },
      { timeoutMs: 120_000, intervalMs: 250 },
    );
  }
}
