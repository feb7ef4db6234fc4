import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { Redis } from 'ioredis';
import { eventually } from '@kipp/testing';
import { closedPort } from './upstream-servers';

/**
 * A Redis of the spec's own (Debian's redis-server, as the local infrastructure uses), so
 * that it can be stopped and started again without touching the shared one.
 */
export class ThrowawayRedis {
  private child: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const redis = new ThrowawayRedis(await closedPort());
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it (again, if it is stopped) on its port, empty, and waits until it answers PING. */
  async resume(): Promise<void> {
    if (this.child && this.child.exitCode === null) return;
    const args = [
      '--bind',
      '127.0.0.1',
      '--port',
      String(this.port),
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    this.child = spawn('redis-server', [...args, '--dir', tmpdir()], { stdio: 'ignore' });
    await eventually(async () => {
      const client = new Redis(this.url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      try {
        await client.connect();
        await client.ping();
      } finally {
        client.disconnect();
      }
    });
  }

  /** Stops it (SIGTERM to the process this spec started) and waits for the exit. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }
}
