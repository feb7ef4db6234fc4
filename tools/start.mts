// `npm start`: the web portal's build (dist/portal, served by the gateway), the local
// infrastructure and a development mail relay (mails land in
// .local/mail/ as .eml files), then every service, each in its own process with
// its log in .local/logs/<service>.log, then the demo data (tools/demo-data.mts; skipped
// with KIPP_DEMO=false or --no-demo). Ctrl-C stops everything this command started.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { down, envVars, status, up, type Component } from '../infra/local/infra.mts';
import { demoTable, seedDemo } from './demo-data.mts';
import { startMailCatcher, type MailCatcher } from './mail-catcher.mts';
import { buildPortal } from './portal-build.mts';
import { DEMO_NATIONAL_ADMIN, SERVICES, serviceArgs, type ServiceDefinition } from './services.mts';

const root = path.resolve(import.meta.dirname, '..');
const logDir = path.join(root, '.local', 'logs');
const mailDir = path.join(root, '.local', 'mail');
/** Where the notifications service hands its mail (its SMTP_PORT default). */
const MAIL_PORT = 1025;

function say(line: string): void {
  process.stdout.write(`[kipp] ${line}\n`);
}

interface Running {
  readonly service: ServiceDefinition;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

function launch(service: ServiceDefinition, env: NodeJS.ProcessEnv): Running {
  const log = createWriteStream(path.join(logDir, `${service.name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, serviceArgs(service.name), {
    cwd: root,
    env: { ...env, ...service.demoEnv, PORT: String(service.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { service, child, exited };
}

async function waitReady(running: Running, deadline: number): Promise<boolean> {
  const url = `http://127.0.0.1:${running.service.port}/health/ready`;
  while (Date.now() < deadline) {
    if (running.child.exitCode !== null) return false;
    try {
      if ((await fetch(url)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  return false;
}

async function main(): Promise<void> {
  mkdirSync(logDir, { recursive: true });
  const before = await status();
  const startedInfra: Component[] = before
    .filter((c) => c.state !== 'running' && c.state !== 'external')
    .map((c) => c.name);
  say('building the web portal …');
  await buildPortal();
  await up();
  let mail: MailCatcher | null = null;
  try {
    mail = await startMailCatcher({
      port: MAIL_PORT,
      dir: mailDir,
      announce: (line) => say(line),
    });
  } catch (error) {
    // Someone else's relay may already listen there (e.g. maildev): mail goes to it.
    say(
      `mail relay not started on 127.0.0.1:${MAIL_PORT} (${error instanceof Error ? error.message : String(error)}); mail goes to whatever listens there`,
    );
  }

  const env: NodeJS.ProcessEnv = { ...process.env, ...envVars(), NODE_ENV: 'development' };
  const running = SERVICES.map((service) => launch(service, env));
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping services …');
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGTERM');
    await Promise.race([Promise.all(running.map((r) => r.exited)), sleep(15_000)]);
    for (const r of running) if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await mail?.stop();
    if (startedInfra.length > 0) await down(startedInfra);
    say('stopped');
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  for (const r of running) {
    void r.exited.then((code) => {
      if (!stopping) {
        say(`${r.service.name} exited with ${code}; see .local/logs/${r.service.name}.log`);
        void stopAll(1);
      }
    });
  }

  say('waiting for every service to be ready …');
  const started = Date.now();
  const ready = await Promise.all(running.map((r) => waitReady(r, started + 120_000)));
  const failed = running.filter((_, i) => !ready[i]).map((r) => r.service.name);
  if (failed.length > 0) {
    say(`not ready: ${failed.join(', ')} (logs in .local/logs/)`);
    await stopAll(1);
    return;
  }
  say(`all services ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const r of running) {
    say(`  ${r.service.name.padEnd(14)} http://127.0.0.1:${r.service.port}  (API docs: /docs)`);
  }
  if (process.env.KIPP_DEMO === 'false' || process.argv.includes('--no-demo')) {
    say(
      `demo national admin: ${DEMO_NATIONAL_ADMIN.userId} / ${DEMO_NATIONAL_ADMIN.password} ` +
        '(the first sign-in asks for a new password and an authenticator app; ' +
        'if the demo data was made before, see `node tools/demo-data.mts`)',
    );
  } else {
    say('demo data …');
    try {
      const result = await seedDemo({ log: (line) => say(`  ${line}`) });
      for (const line of demoTable(result).split('\n')) say(line);
    } catch (error) {
      // The platform runs on without it; the seeder can be run again on its own.
      say(`demo data failed: ${error instanceof Error ? error.message : String(error)}`);
      say('the services keep running; retry with `node tools/demo-data.mts`');
    }
  }
  say(`logs: ${path.relative(root, logDir)}/<service>.log · infrastructure: npm run infra:status`);
  if (mail)
    say(`mail: every message the platform sends is kept in ${path.relative(root, mailDir)}/`);
  say('press Ctrl-C to stop everything');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[kipp] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
