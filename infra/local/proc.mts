// Process and network helpers: detached spawning with a log file, PID files, liveness,
// graceful stop by PID, port probes. Linux only (reads /proc).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type Log = (line: string) => void;

/** A failure with a message meant for people, optionally with the tail of a log file. */
export class InfraError extends Error {
  logTail: string | undefined;
  constructor(message: string, logTail?: string) {
    super(message);
    this.name = 'InfraError';
    this.logTail = logTail;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------- PIDs

export function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function writePid(file: string, pid: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${pid}\n`);
}

export function removeFile(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Alive = exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

function processGroup(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[2]);
  } catch {
    return undefined;
  }
}

/** Resident set size in KiB (from /proc), or undefined. */
export function rssKiB(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  // Our processes are started detached, so each leads its own process group: signal the
  // group to take any helper children along; fall back to the PID alone.
  const target = processGroup(pid) === pid ? -pid : pid;
  try {
    process.kill(target, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      /* already gone */
    }
  }
}

/** SIGTERM, wait up to graceMs, then SIGKILL. Resolves once the process is gone. */
export async function stopPid(
  pid: number,
  graceMs = 20_000,
): Promise<'terminated' | 'killed' | 'gone'> {
  if (!isAlive(pid)) return 'gone';
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return 'terminated';
    await sleep(100);
  }
  signal(pid, 'SIGKILL');
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) throw new InfraError(`process ${pid} survived SIGKILL`);
  return 'killed';
}

// ---------------------------------------------------------------------------- spawning

export interface SpawnOptions {
  cwd: string;
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/** Opens the log for appending, writes a start marker, returns the byte offset after it. */
export function openLog(file: string, title: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Keep logs bounded across many restarts.
  try {
    if (fs.statSync(file).size > 20 * 1024 * 1024) fs.renameSync(file, `${file}.1`);
  } catch {
    /* no log yet */
  }
  fs.appendFileSync(file, `\n===== [infra] ${new Date().toISOString()} ${title} =====\n`);
  return fs.statSync(file).size;
}

/** Starts a long-running process detached from us, stdout+stderr appended to the log. */
export function spawnDetached(
  command: string,
  args: string[],
  opts: SpawnOptions,
): Promise<number> {
  const fd = fs.openSync(opts.logFile, 'a');
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(command, args, {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        detached: true,
        stdio: ['ignore', fd, fd],
      });
    } catch (err) {
      fs.closeSync(fd);
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    child.once('error', (err) => {
      fs.closeSync(fd);
      reject(new InfraError(`cannot start ${command}: ${err.message}`));
    });
    child.once('spawn', () => {
      fs.closeSync(fd);
      child.unref();
      resolve(child.pid as number);
    });
  });
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (no shell). Never rejects on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        timeout: opts.timeoutMs ?? 0,
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 127) : 0;
        const extra = err && typeof err.code !== 'number' ? `\n${err.message}` : '';
        resolve({ code, stdout, stderr: stderr + extra });
      },
    );
  });
}

/** Absolute path of an executable on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------- logs

export function tail(file: string, lines = 40, fromOffset = 0): string {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const start = Math.max(fromOffset, size - 64 * 1024);
      const buf = Buffer.alloc(size - start);
      fs.readSync(fd, buf, 0, buf.length, start);
      return buf.toString('utf8').split('\n').slice(-lines).join('\n').trimEnd();
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** True when the log contains `needle` somewhere after byte `offset`. */
export function logContains(file: string, needle: string, offset: number): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      if (size <= offset) return false;
      const buf = Buffer.alloc(size - offset);
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.includes(needle);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------- network

/** True when something accepts a TCP connection on host:port. */
export function portOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Sends raw bytes and resolves with the first chunk of the reply ('' on any failure). */
export function tcpRequest(
  port: number,
  payload: string,
  host = '127.0.0.1',
  timeoutMs = 1000,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let settled = false;
    const done = (reply: string): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(reply);
    };
    socket.setTimeout(timeoutMs, () => done(''));
    socket.once('connect', () => socket.write(payload));
    socket.once('data', (chunk) => done(chunk.toString('utf8')));
    socket.once('error', () => done(''));
    socket.once('close', () => done(''));
  });
}

/** Best effort: "pid 123 (java ...)" of whoever listens on the port, from `ss`. */
export async function describePortOwner(port: number): Promise<string> {
  if (!which('ss')) return 'unknown process';
  const res = await run('ss', ['-Hltnp', `sport = :${port}`], { timeoutMs: 3000 });
  const m = /users:\(\("([^"]+)",pid=(\d+)/.exec(res.stdout);
  if (!m) return 'unknown process';
  const pid = Number(m[2]);
  const cmd = cmdline(pid) || (m[1] ?? '');
  const short = cmd.length > 160 ? `${cmd.split(' ')[0]} … ${cmd.slice(-100)}` : cmd;
  return `pid ${pid} (${short})`;
}
