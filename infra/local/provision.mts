// Provisioning from package registries only: Debian (apt, as root), Maven Central (mvn),
// PyPI (pip). Everything downloaded lands in the per-user cache and is reused by every
// clone; a marker file is written only after a complete install, so an interrupted
// install is redone on the next run.
import fs from 'node:fs';
import path from 'node:path';
import { InfraError, run, which, type Log } from './proc.mts';
import { cacheRoot, REPO_ROOT } from './paths.mts';

export const KAFKA_VERSION = '3.9.1';
export const SECANTUS_PIN = 'SecantusDB==0.7.0b3';

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------------------- apt

let aptQueue: Promise<unknown> = Promise.resolve();
let aptUpdated = false;

/** apt-get install, one at a time (dpkg holds a lock). Throws when not root or apt fails. */
export function aptInstall(packages: string[], log: Log): Promise<void> {
  const job = aptQueue.then(async () => {
    if (!isRoot()) throw new InfraError(`not root: cannot apt-get install ${packages.join(' ')}`);
    if (!which('apt-get')) throw new InfraError('apt-get not found');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (!aptUpdated) {
      log('apt-get update …');
      const up = await run('apt-get', ['update'], { env, timeoutMs: 600_000 });
      if (up.code !== 0)
        throw new InfraError(`apt-get update failed:\n${(up.stdout + up.stderr).slice(-2000)}`);
      aptUpdated = true;
    }
    log(`apt-get install -y ${packages.join(' ')} …`);
    const res = await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env,
      timeoutMs: 900_000,
    });
    if (res.code !== 0) {
      throw new InfraError(
        `apt-get install ${packages.join(' ')} failed:\n${(res.stdout + res.stderr).slice(-2000)}`,
      );
    }
  });
  aptQueue = job.catch(() => undefined);
  return job;
}

/** redis-server (required) and kcat (nice to have, never fatal). */
export async function ensureRedisServer(log: Log): Promise<string> {
  const found = which('redis-server');
  if (found) return found;
  if (!isRoot()) {
    throw new InfraError(
      'redis-server is not installed and this is not root: install the Debian package redis-server (apt-get install redis-server)',
    );
  }
  await aptInstall(['redis-server'], log);
  const installed =
    which('redis-server') ??
    (fs.existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : undefined);
  if (!installed) throw new InfraError('redis-server still missing after apt-get install');
  return installed;
}

let kcatAttempt: Promise<void> | undefined;

/** Debian kcat, for poking at topics from the shell; optional, never fails the caller. */
export function ensureKcat(log: Log): Promise<void> {
  if (which('kcat') || !isRoot()) return Promise.resolve();
  kcatAttempt ??= aptInstall(['kcat'], log).catch((err: unknown) => {
    const reason = err instanceof Error ? err.message : String(err);
    log(`kcat not installed (optional): ${reason.split('\n')[0] ?? ''}`);
  });
  return kcatAttempt;
}

/** Where Debian's chromium package puts the browser that the portal's browser tests drive. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's chromium for the browser tests (playwright-core drives it; browsers are never
 * downloaded from anywhere else). Returns its path; throws when it is missing and this is
 * not root.
 */
export async function ensureChromium(log: Log): Promise<string> {
  const found = which('chromium') ?? (fs.existsSync(CHROMIUM_PATH) ? CHROMIUM_PATH : undefined);
  if (found) return found;
  if (!isRoot()) {
    throw new InfraError(
      'chromium is not installed and this is not root: install the Debian package chromium (apt-get install chromium)',
    );
  }
  await aptInstall(['chromium'], log);
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new InfraError('chromium still missing after apt-get install');
  return CHROMIUM_PATH;
}

// ---------------------------------------------------------------------------- Kafka jars

export function kafkaHome(): string {
  return path.join(cacheRoot(), `kafka-${KAFKA_VERSION}`);
}

export function kafkaLibs(): string {
  return path.join(kafkaHome(), 'libs');
}

/** Kafka broker + tools + reload4j jars from Maven Central into <cache>/kafka-3.9.1/libs. */
export async function ensureKafkaJars(log: Log): Promise<string> {
  const home = kafkaHome();
  const libs = kafkaLibs();
  const marker = path.join(home, '.installed');
  const pomSource = path.join(REPO_ROOT, 'infra', 'local', 'kafka', 'pom.xml');
  const pom = fs.readFileSync(pomSource, 'utf8');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === pom) return libs;

  if (!which('java'))
    throw new InfraError(
      'java not found on PATH: Kafka needs a Java 17+ runtime (apt-get install openjdk-17-jre-headless)',
    );
  if (!which('mvn'))
    throw new InfraError(
      'mvn not found on PATH: needed once to fetch the Kafka jars from Maven Central (apt-get install maven)',
    );
  log(`fetching Kafka ${KAFKA_VERSION} jars from Maven Central into ${libs} …`);
  const started = Date.now();
  fs.mkdirSync(home, { recursive: true });
  fs.rmSync(libs, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  fs.writeFileSync(path.join(home, 'pom.xml'), pom);
  const res = await run(
    'mvn',
    [
      '-q',
      '-B',
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${libs}`,
    ],
    { cwd: home, timeoutMs: 900_000 },
  );
  const jars = fs.existsSync(libs) ? fs.readdirSync(libs).filter((f) => f.endsWith('.jar')) : [];
  if (res.code !== 0 || !jars.some((j) => j.startsWith(`kafka_2.13-${KAFKA_VERSION}`))) {
    throw new InfraError(
      `mvn could not fetch the Kafka jars (exit ${res.code}):\n${(res.stdout + res.stderr).slice(-3000)}`,
    );
  }
  fs.writeFileSync(marker, pom);
  log(`Kafka jars ready (${jars.length} jars, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return libs;
}

// ---------------------------------------------------------------------------- SecantusDB

export function secantusVenv(): string {
  return path.join(cacheRoot(), `secantusdb-${SECANTUS_PIN.split('==')[1]}`, 'venv');
}

/** SecantusDB from PyPI into a venv in the cache; returns the path of secantusd-py. */
export async function ensureSecantus(log: Log): Promise<string> {
  const venv = secantusVenv();
  const daemon = path.join(venv, 'bin', 'secantusd-py');
  const marker = path.join(venv, '.kipp-installed');
  if (
    fs.existsSync(marker) &&
    fs.readFileSync(marker, 'utf8') === SECANTUS_PIN &&
    fs.existsSync(daemon)
  )
    return daemon;

  const python = process.env.KIPP_PYTHON || which('python3');
  if (!python)
    throw new InfraError(
      'python3 not found on PATH: SecantusDB needs Python 3.10+ (apt-get install python3 python3-venv)',
    );
  log(`installing ${SECANTUS_PIN} from PyPI into ${venv} …`);
  const started = Date.now();
  fs.rmSync(venv, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(venv), { recursive: true });
  let mk = await run(python, ['-m', 'venv', venv], { timeoutMs: 300_000 });
  if (mk.code !== 0 && isRoot() && /ensurepip|venv/.test(mk.stdout + mk.stderr)) {
    // Debian's python3 ships without the venv module.
    fs.rmSync(venv, { recursive: true, force: true });
    await aptInstall(['python3-venv'], log);
    mk = await run(python, ['-m', 'venv', venv], { timeoutMs: 300_000 });
  }
  if (mk.code !== 0) {
    fs.rmSync(venv, { recursive: true, force: true });
    throw new InfraError(`${python} -m venv failed:\n${(mk.stdout + mk.stderr).slice(-2000)}`);
  }
  const pip = path.join(venv, 'bin', 'pip');
  const res = await run(
    pip,
    ['install', '--disable-pip-version-check', '--no-input', '-q', SECANTUS_PIN],
    {
      timeoutMs: 1_200_000,
    },
  );
  if (res.code !== 0 || !fs.existsSync(daemon)) {
    fs.rmSync(venv, { recursive: true, force: true });
    throw new InfraError(
      `pip install ${SECANTUS_PIN} failed (exit ${res.code}):\n${(res.stdout + res.stderr).slice(-3000)}`,
    );
  }
  fs.writeFileSync(marker, SECANTUS_PIN);
  log(`SecantusDB ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return daemon;
}
