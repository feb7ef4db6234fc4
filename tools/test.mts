// `npm test`: lint, typecheck, unit tests, the portal's build, then the local infrastructure,
// integration and end-to-end tests, and last the portal in a real browser (Debian's chromium,
// installed when missing). Exits non-zero on any failure and stops whatever it started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { down, envVars, status, up, type Component } from '../infra/local/infra.mts';
import { ensureChromium } from '../infra/local/provision.mts';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, '.local', 'test-results');
const ci = process.env['CI'] === 'true';

interface Step {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
}

function log(line: string): void {
  process.stdout.write(`\n[test] ${line}\n`);
}

/** The step running now, so that a signal can stop it before the infrastructure goes. */
let current: ChildProcess | undefined;
/** Set by a signal: no further step starts. */
let stopping = false;

function run(step: Step, env: NodeJS.ProcessEnv): Promise<number> {
  if (stopping) return Promise.resolve(1);
  log(`${step.name}: ${step.command} ${step.args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve) => {
    // Its own process group, so that a signal reaches every process the step started.
    const child = spawn(step.command, step.args, {
      cwd: root,
      env,
      stdio: 'inherit',
      detached: true,
    });
    current = child;
    child.on('exit', (code, signal) => {
      current = undefined;
      log(
        `${step.name}: ${code === 0 ? 'ok' : `failed (${signal ?? code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      resolve(code ?? 1);
    });
  });
}

/** Sends a signal to every process of a step's group; false once the group is gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Passes a signal on to the running step's processes and waits (up to 20 s) for it to exit. */
async function stopCurrentStep(signal: NodeJS.Signals): Promise<void> {
  const child = current;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (!signalGroup(child, signal)) return;
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    exited.then(() => true),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), 20_000);
    }),
  ]);
  clearTimeout(timer);
  if (!waited) signalGroup(child, 'SIGKILL');
}

function summary(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of readdirSync(resultsDir)) {
    const counts = JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as typeof total;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return total;
}

async function main(): Promise<number> {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KIPP_TEST_RESULTS_DIR: resultsDir,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    FORCE_COLOR: ci ? '0' : (process.env['FORCE_COLOR'] ?? '1'),
  };
  const nx = (target: string, extra: string[] = []): Step => ({
    name: target,
    command: 'nx',
    args: [
      'run-many',
      '-t',
      target,
      '--outputStyle=stream',
      ...(ci ? ['--skipNxCache'] : []),
      ...extra,
    ],
  });

  const staticChecks: Step[] = [
    { name: 'format', command: 'prettier', args: ['--check', '--log-level=warn', '.'] },
    nx('lint', ['--parallel=2']),
    nx('typecheck', ['--parallel=2']),
    {
      name: 'lint tools and infra',
      command: 'eslint',
      args: ['--max-warnings=0', 'tools', 'infra'],
    },
    { name: 'typecheck tools', command: 'tsc', args: ['-p', 'tools/tsconfig.json'] },
    { name: 'typecheck infra', command: 'tsc', args: ['-p', 'infra/tsconfig.json'] },
    nx('test', ['--parallel=2']),
    // The web portal, which the gateway serves in the end-to-end tests.
    nx('build'),
  ];
  // Until the infrastructure is started there is nothing of it to stop.
  let stopInfra = async (): Promise<void> => {};
  const onSignal = (signal: NodeJS.Signals) => {
    stopping = true;
    void stopCurrentStep(signal)
      .then(() => stopInfra())
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let failures = 0;
  for (const step of staticChecks) {
    if ((await run(step, env)) !== 0) failures += 1;
  }

  const before = await status();
  const alreadyRunning = new Set(
    before.filter((c) => c.state === 'running' || c.state === 'external').map((c) => c.name),
  );
  const startedHere: Component[] = before
    .map((c) => c.name)
    .filter((name) => !alreadyRunning.has(name));
  stopInfra = async () => {
    if (startedHere.length > 0) await down(startedHere);
  };
  try {
    log('starting the local infrastructure');
    await up();
    const infraEnv = { ...env, ...envVars() };
    if ((await run(nx('integration', ['--parallel=1']), infraEnv)) !== 0) failures += 1;
    if ((await run(nx('e2e', ['--parallel=1']), infraEnv)) !== 0) failures += 1;
    // The portal in a real browser, last: Debian's chromium, installed here when missing.
    try {
      await ensureChromium((line) => log(line));
      if ((await run(nx('e2e-browser', ['--parallel=1']), infraEnv)) !== 0) failures += 1;
    } catch (error) {
      log(`browser tests: ${error instanceof Error ? error.message : String(error)}`);
      failures += 1;
    }
  } finally {
    log(
      startedHere.length > 0
        ? `stopping ${startedHere.join(', ')}`
        : 'leaving the infrastructure running as found',
    );
    await stopInfra();
  }

  const counts = summary();
  log(failures === 0 ? 'all steps passed' : `${failures} step(s) failed`);
  process.stdout.write(
    `tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
  );
  return failures === 0 && counts.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `[test] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
