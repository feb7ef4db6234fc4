// Local infrastructure for the platform: Kafka (KRaft), a MongoDB-wire database and Redis,
// started as ordinary detached processes on 127.0.0.1 and stopped by their recorded PIDs.
// tools/infra.mts is the command line; tools/start.mts and tools/test.mts import this.
//
//   await up();                 // provision what is missing, start, wait, create topics
//   process.env = { ...process.env, ...envVars() };
//   await restart('kafka');     // fault tests: data survives, only reset() wipes it
//   await down();
import fs from 'node:fs';
import path from 'node:path';
import {
  DEFINITIONS,
  HOST,
  KAFKA_PORT,
  mongoEngine,
  mongoUri,
  readEngine,
  REDIS_URL,
  type ComponentDef,
  type Started,
} from './components.mts';
import {
  COMPONENTS,
  dataDir,
  localRoot,
  logFile,
  pidFile,
  runDir,
  type Component,
} from './paths.mts';
import {
  cmdline,
  describePortOwner,
  InfraError,
  isAlive,
  portOpen,
  readPid,
  removeFile,
  rssKiB,
  sleep,
  stopPid,
  tail,
  type Log,
} from './proc.mts';
import { ensureTopics, type TopicsResult } from './topics.mts';

export { COMPONENTS, InfraError, localRoot };
export type { Component, Log, TopicsResult };

export interface InfraOptions {
  /** Progress lines (without the "[infra] " prefix). Default: printed to stdout with it. */
  log?: Log;
}

export interface ComponentStatus {
  name: Component;
  state: 'running' | 'stopped' | 'unhealthy' | 'external';
  pid?: number;
  address: string;
  /** Resident memory of the recorded process, KiB. */
  rssKiB?: number;
  /** For mongo: secantus | mongod | external. */
  engine?: string;
  logFile: string;
}

/** Connection settings of the running infrastructure (MONGO_URI honours the environment). */
export const endpoints = {
  get kafkaBrokers(): string {
    return `${HOST}:${KAFKA_PORT}`;
  },
  get mongoUri(): string {
    return mongoUri();
  },
  get redisUrl(): string {
    return REDIS_URL;
  },
};

/** KAFKA_BROKERS, MONGO_URI, REDIS_URL — what the services read. */
export function envVars(): Record<string, string> {
  return {
    KAFKA_BROKERS: endpoints.kafkaBrokers,
    MONGO_URI: endpoints.mongoUri,
    REDIS_URL: endpoints.redisUrl,
  };
}

const defaultLog: Log = (line) => process.stdout.write(`[infra] ${line}\n`);

export function isComponent(name: string): name is Component {
  return (COMPONENTS as readonly string[]).includes(name);
}

function normalize(components: readonly string[] | undefined): Component[] {
  const list = components && components.length > 0 ? components : COMPONENTS;
  const unknown = list.filter((c) => !isComponent(c));
  if (unknown.length > 0)
    throw new InfraError(
      `unknown component(s): ${unknown.join(', ')} (known: ${COMPONENTS.join(', ')})`,
    );
  // Keep the canonical order (kafka, mongo, redis) and drop duplicates.
  return COMPONENTS.filter((c) => list.includes(c));
}

const secs = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ============================================================================ locking
// One infra command at a time per state directory: in-process via a promise chain,
// across processes via an O_EXCL lock file holding the owner's PID (stale when dead).

let chain: Promise<unknown> = Promise.resolve();

function locked<T>(log: Log, fn: () => Promise<T>): Promise<T> {
  const next = chain.then(async () => {
    const release = await acquireFileLock(log);
    try {
      return await fn();
    } finally {
      release();
    }
  });
  chain = next.catch(() => undefined);
  return next;
}

async function acquireFileLock(log: Log): Promise<() => void> {
  fs.mkdirSync(runDir(), { recursive: true });
  const file = path.join(runDir(), 'infra.lock');
  const deadline = Date.now() + 20 * 60_000;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPid(file) === process.pid) removeFile(file);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPid(file);
    if (holder === undefined || !isAlive(holder)) {
      // Stale, or being written right now: re-check once before removing.
      await sleep(50);
      const again = readPid(file);
      if (again === undefined || !isAlive(again)) removeFile(file);
      continue;
    }
    if (Date.now() > deadline)
      throw new InfraError(`another infra command (pid ${holder}) has held ${file} for 20 minutes`);
    if (!announced) {
      log(`waiting for another infra command (pid ${holder}) to finish …`);
      announced = true;
    }
    await sleep(250);
  }
}

// ============================================================================ lifecycle

/** Live PID of our process for this component, or undefined (a stale pid file is removed). */
function runningPid(def: ComponentDef, log?: Log, cleanup = true): number | undefined {
  const file = pidFile(def.name);
  const pid = readPid(file);
  if (pid === undefined) {
    if (cleanup && fs.existsSync(file)) removeFile(file);
    return undefined;
  }
  if (isAlive(pid) && def.owns(cmdline(pid))) return pid;
  if (cleanup) {
    log?.(`${def.name}: removing stale pid file (pid ${pid} is gone)`);
    removeFile(file);
  }
  return undefined;
}

async function waitUntilReady(
  def: ComponentDef,
  pid: number,
  check: () => Promise<boolean>,
  logOffset: number,
): Promise<void> {
  const deadline = Date.now() + def.readyTimeoutMs;
  for (;;) {
    if (await check()) return;
    if (!isAlive(pid)) {
      throw new InfraError(
        `${def.name}: process ${pid} exited during start-up`,
        tail(logFile(def.name), 40, logOffset),
      );
    }
    if (Date.now() > deadline) {
      throw new InfraError(
        `${def.name}: not ready after ${def.readyTimeoutMs / 1000} s (pid ${pid})`,
        tail(logFile(def.name), 40, logOffset),
      );
    }
    await sleep(200);
  }
}

async function ensureRunning(def: ComponentDef, log: Log): Promise<void> {
  const t0 = Date.now();
  const ext = def.external();
  if (ext) {
    const deadline = Date.now() + 15_000;
    while (!(await def.healthy())) {
      if (Date.now() > deadline) throw new InfraError(`${def.name}: ${ext} does not answer`);
      await sleep(500);
    }
    log(`${def.name}: using ${ext}`);
    return;
  }

  const existing = runningPid(def, log);
  if (existing !== undefined) {
    if (await def.healthy()) {
      await def.afterReady?.(log);
      log(`${def.name}: already running (pid ${existing}) at ${def.address()}`);
      return;
    }
    log(`${def.name}: pid ${existing} is alive but not answering yet; waiting …`);
    try {
      await waitUntilReady(def, existing, () => def.healthy(), 0);
      await def.afterReady?.(log);
      log(`${def.name}: running (pid ${existing}) at ${def.address()}`);
      return;
    } catch (err) {
      log(
        `${def.name}: pid ${existing} never became healthy (${(err as Error).message}); restarting it`,
      );
      await stopPid(existing);
      removeFile(pidFile(def.name));
    }
  }

  for (const port of def.ports) {
    if (await portOpen(port)) {
      throw new InfraError(
        `${def.name}: port ${HOST}:${port} is already in use by ${await describePortOwner(port)}, which infra did not start ` +
          `(no live pid in ${pidFile(def.name)}). Stop that process or free port ${port}.`,
      );
    }
  }

  await def.provision(log);
  const started: Started = await def.start(log);
  log(`${def.name}: started pid ${started.pid}, waiting until ready …`);
  try {
    await waitUntilReady(def, started.pid, () => def.ready(started), started.logOffset);
    await def.afterReady?.(log);
  } catch (err) {
    // Leave nothing half-started behind.
    await stopPid(started.pid, 5000).catch(() => undefined);
    removeFile(pidFile(def.name));
    if (err instanceof InfraError) throw err;
    throw new InfraError(
      `${def.name}: ${(err as Error).message}`,
      tail(logFile(def.name), 40, started.logOffset),
    );
  }
  log(`${def.name}: ready at ${def.address()} (pid ${started.pid}, ${secs(t0)})`);
}

async function stopComponent(def: ComponentDef, log: Log): Promise<void> {
  if (def.external()) {
    log(`${def.name}: external (MONGO_URI), nothing to stop`);
    return;
  }
  const pid = runningPid(def, log);
  if (pid === undefined) {
    log(`${def.name}: not running`);
    return;
  }
  const t0 = Date.now();
  log(`${def.name}: stopping pid ${pid} …`);
  const how = await stopPid(pid, 20_000);
  removeFile(pidFile(def.name));
  log(`${def.name}: stopped (${how === 'killed' ? 'SIGKILL after 20 s' : 'SIGTERM'}, ${secs(t0)})`);
}

async function upInternal(components: Component[], log: Log): Promise<void> {
  const t0 = Date.now();
  const results = await Promise.allSettled(
    components.map((c) => ensureRunning(DEFINITIONS[c], log)),
  );
  const failures = results.flatMap((r, i) =>
    r.status === 'rejected' ? [{ name: components[i], err: r.reason as Error }] : [],
  );
  const kafkaOk = components.includes('kafka') && !failures.some((f) => f.name === 'kafka');
  if (kafkaOk) {
    try {
      await topicsInternal(log);
    } catch (err) {
      failures.push({
        name: 'kafka',
        err:
          err instanceof InfraError
            ? err
            : new InfraError(`kafka: topic creation failed: ${(err as Error).message}`),
      });
    }
  }
  if (failures.length > 0) {
    const message = failures.map((f) => f.err.message).join('\n');
    const tails = failures
      .map((f) =>
        f.err instanceof InfraError && f.err.logTail
          ? `--- last lines of ${logFile(f.name as Component)} ---\n${f.err.logTail}`
          : '',
      )
      .filter(Boolean)
      .join('\n');
    throw new InfraError(message, tails || undefined);
  }
  log(`up: ${components.join(', ')} ready (${secs(t0)})`);
}

async function topicsInternal(log: Log, prefix = ''): Promise<TopicsResult> {
  const t0 = Date.now();
  const r = await ensureTopics(endpoints.kafkaBrokers, log, { prefix });
  const parts = [
    `${r.created.length} created`,
    `${r.updated.length} updated`,
    `${r.unchanged.length} already present`,
  ];
  log(
    `kafka topics: ${parts.join(', ')} (${secs(t0)})${r.created.length ? `: ${r.created.join(', ')}` : ''}`,
  );
  return r;
}

// ============================================================================ public API

/** Provision what is missing, start what is not running, wait until ready, create topics. */
export function up(components?: readonly Component[], opts: InfraOptions = {}): Promise<void> {
  const log = opts.log ?? defaultLog;
  return locked(log, () => upInternal(normalize(components), log));
}

/** Stop what up started (SIGTERM, then SIGKILL after 20 s) and remove the pid files. */
export function down(components?: readonly Component[], opts: InfraOptions = {}): Promise<void> {
  const log = opts.log ?? defaultLog;
  return locked(log, async () => {
    // Reverse order: dependants (none yet) before what they depend on; all in parallel is
    // fine too, but sequential keeps the output readable and memory peaks low.
    for (const c of [...normalize(components)].reverse()) await stopComponent(DEFINITIONS[c], log);
  });
}

/** Start one component (same as up([name])). */
export function start(name: Component, opts: InfraOptions = {}): Promise<void> {
  return up([name], opts);
}

/** Stop one component; its data stays. */
export function stop(name: Component, opts: InfraOptions = {}): Promise<void> {
  return down([name], opts);
}

/** Stop then start one component; its data directory survives. */
export function restart(name: Component, opts: InfraOptions = {}): Promise<void> {
  const log = opts.log ?? defaultLog;
  return locked(log, async () => {
    const [c] = normalize([name]) as [Component];
    await stopComponent(DEFINITIONS[c], log);
    await upInternal([c], log);
  });
}

/** down() then delete the data folders (.local/data). Logs are kept. */
export function reset(opts: InfraOptions = {}): Promise<void> {
  const log = opts.log ?? defaultLog;
  return locked(log, async () => {
    for (const c of [...COMPONENTS].reverse()) await stopComponent(DEFINITIONS[c], log);
    const data = path.join(localRoot(), 'data');
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(path.join(runDir(), 'mongo.engine'), { force: true });
    log(`removed ${data}`);
  });
}

/**
 * Create/converge the topics of libs/contracts/topics.json on the running broker, each
 * name prefixed with opts.prefix (default '': up() creates the unprefixed ones).
 */
export function createTopics(opts: InfraOptions & { prefix?: string } = {}): Promise<TopicsResult> {
  const log = opts.log ?? defaultLog;
  return locked(log, () => topicsInternal(log, opts.prefix ?? ''));
}

/** State of each component (no lock: read-only). */
export async function status(): Promise<ComponentStatus[]> {
  return Promise.all(
    COMPONENTS.map(async (name): Promise<ComponentStatus> => {
      const def = DEFINITIONS[name];
      const base = { name, address: def.address(), logFile: logFile(name) };
      const engine = name === 'mongo' ? mongoEngine() : undefined;
      if (def.external()) {
        return { ...base, engine, state: (await def.healthy()) ? 'external' : 'unhealthy' };
      }
      const pid = runningPid(def, undefined, false);
      if (pid === undefined) return { ...base, engine, state: 'stopped' };
      const healthy = await def.healthy();
      return {
        ...base,
        engine: name === 'mongo' ? (readEngine() ?? engine) : undefined,
        pid,
        rssKiB: rssKiB(pid),
        state: healthy ? 'running' : 'unhealthy',
      };
    }),
  );
}

/** Where state lives (for messages and tools). */
export function locations(): {
  localRoot: string;
  data: Record<Component, string>;
  pids: Record<Component, string>;
  logs: Record<Component, string>;
} {
  const per = (f: (c: Component) => string): Record<Component, string> =>
    Object.fromEntries(COMPONENTS.map((c) => [c, f(c)])) as Record<Component, string>;
  return {
    localRoot: localRoot(),
    data: per((c) =>
      c === 'mongo' && mongoEngine() === 'mongod' ? dataDir('mongo-mongod') : dataDir(c),
    ),
    pids: per(pidFile),
    logs: per(logFile),
  };
}
