import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

// Signals and exit codes belong to a process, so each case runs a real service process.

const workspaceRoot = path.resolve(__dirname, '../../..');
const fixture = path.join(__dirname, 'fixtures/shutdown-fixture.ts');

interface LogLine {
  msg: string;
  url?: string;
  [field: string]: unknown;
}

interface FixtureProcess {
  child: ChildProcess;
  lines: LogLine[];
  waitForLine(msg: string, timeoutMs?: number): Promise<LogLine>;
  exitCode(): Promise<number | null>;
}

function startFixture(hookMs: number, shutdownTimeoutMs: number): FixtureProcess {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', fixture, String(hookMs), String(shutdownTimeoutMs)],
    {
      cwd: workspaceRoot,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', OTEL_SDK_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: LogLine[] = [];
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(JSON.parse(line) as LogLine);
  });

  const waitForLine = async (msg: string, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = lines.find((line) => line.msg === msg);
      if (found) {
        return found;
      }
      await sleep(20);
    }
    throw new Error(`no "${msg}" log line within ${timeoutMs} ms; got ${JSON.stringify(lines)}`);
  };
  return { child, lines, waitForLine, exitCode: () => exited };
}

describe('graceful shutdown', () => {
  let running: FixtureProcess | undefined;

  afterEach(() => {
    if (running?.child.exitCode === null) {
      running.child.kill('SIGKILL');
    }
  });

  it('should answer in-flight requests, run lifecycle hooks and exit 0 when SIGTERM arrives', async () => {
    running = startFixture(100, 5_000);
    const { url } = await running.waitForLine('service started');

    const inFlight = fetch(`${url}/slow`);
    await sleep(100);
    running.child.kill('SIGTERM');
    await running.waitForLine('shutting down');

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
    expect(await running.exitCode()).toBe(0);

    const order = running.lines.map((line) => line.msg);
    const position = (msg: string) => order.indexOf(msg);
    expect(position('request completed')).toBeLessThan(position('consumer stopping'));
    expect(position('consumer stopped')).toBeLessThan(position('service stopped'));
  });

  it('should exit 1 when the lifecycle hooks outlast the shutdown timeout', async () => {
    running = startFixture(60_000, 300);
    await running.waitForLine('service started');

    running.child.kill('SIGINT');

    expect(await running.exitCode()).toBe(1);
    expect(running.lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['consumer stopping', 'shutdown timed out, forcing exit']),
    );
    expect(running.lines.map((line) => line.msg)).not.toContain('consumer stopped');
  });
});
