// Where things live: the per-user cache of downloaded tools (shared by every clone) and
// the per-clone runtime state (.local/, or $KIPP_LOCAL_DIR). Everything is computed on
// each call, so a caller may set the environment variables before using the API.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Component = 'kafka' | 'mongo' | 'redis';
export const COMPONENTS: readonly Component[] = ['kafka', 'mongo', 'redis'];

export const REPO_ROOT: string = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);
export const TOPICS_FILE: string = path.join(REPO_ROOT, 'libs', 'contracts', 'topics.json');

/** ${XDG_CACHE_HOME:-$HOME/.cache}/kipp-platform */
export function cacheRoot(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'kipp-platform');
}

/** Root of runtime state: $KIPP_LOCAL_DIR or <repo>/.local */
export function localRoot(): string {
  const override = process.env.KIPP_LOCAL_DIR;
  return override ? path.resolve(override) : path.join(REPO_ROOT, '.local');
}

export function dataDir(component: string): string {
  return path.join(localRoot(), 'data', component);
}

export function runDir(): string {
  return path.join(localRoot(), 'run');
}

export function pidFile(component: Component): string {
  return path.join(runDir(), `${component}.pid`);
}

export function logFile(component: Component): string {
  return path.join(localRoot(), 'logs', `${component}.log`);
}
