/**
 * Runs every `*.bench.ts` in this folder, one process each (so one benchmark's heap and JIT
 * state never colour the next), in name order; exits non-zero if any fails. Run:
 *   node -r @swc-node/register services/evaluation/bench/run-benchmarks.ts
 * or `npx nx run evaluation:bench`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchmarks = readdirSync(__dirname)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const name of benchmarks) {
  process.stdout.write(`\n== ${name}\n`);
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, name)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
