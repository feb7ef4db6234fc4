/**
 * Calibration benchmark: normalisation (z-scores per evaluator mapped back onto the global
 * scale), Krippendorff's alpha and the ranking of 100,000 proposals × 3 evaluators
 * (~1,500 evaluators, seeded data), next to a baseline from the same run: the plain
 * raw-mean ranking of the same scores. Prints a table (time, heap growth) and writes
 * `bench-results/calibration.json`. Run:
 *   node -r @swc-node/register services/evaluation/bench/calibration.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  krippendorffAlphaInterval,
  normalizeScores,
  rankByNormalizedMean,
} from '../src/calibration/calibration-math';
import { rankByRawMean, syntheticScores } from '../src/calibration/synthetic-scores';

const OPTIONS = {
  proposals: 100_000,
  evaluators: 1_500,
  scoresPerProposal: 3,
  seed: 2027,
  scale: { min: 0, max: 100 },
} as const;
const MIN_SCORES = 5;
const REPEATS = 3;

interface Measurement {
  name: string;
  medianSeconds: number;
  heapGrowthMb: number;
}

function measure(name: string, work: () => unknown): Measurement {
  const times: number[] = [];
  let heapGrowth = 0;
  for (let run = 0; run < REPEATS; run += 1) {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const result = work();
    times.push((performance.now() - started) / 1000);
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - before);
    if (result === undefined) throw new Error(`${name} produced nothing`);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    medianSeconds: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000,
    heapGrowthMb: Math.round((heapGrowth / 1024 / 1024) * 10) / 10,
  };
}

function main(): void {
  const scores = syntheticScores(OPTIONS);
  const baseline = measure('baseline: raw-mean ranking', () => rankByRawMean(scores));
  const normalization = measure('normalisation', () =>
    normalizeScores(scores, MIN_SCORES, OPTIONS.scale),
  );
  const agreement = measure("Krippendorff's alpha", () => krippendorffAlphaInterval(scores));
  const full = measure('normalisation + alpha + ranking', () => {
    const result = normalizeScores(scores, MIN_SCORES, OPTIONS.scale);
    krippendorffAlphaInterval(scores);
    return rankByNormalizedMean(result.proposals);
  });
  const result = normalizeScores(scores, MIN_SCORES, OPTIONS.scale);
  const ranked = rankByNormalizedMean(result.proposals);
  const raw = rankByRawMean(scores);
  const top = Math.min(1000, ranked.length);
  const rawTop = new Set(raw.slice(0, top).map((r) => r.proposalId));
  const overlap = ranked.slice(0, top).filter((r) => rawTop.has(r.proposalId)).length / top;

  const rows = [baseline, normalization, agreement, full];
  const lines = [
    `calibration: ${OPTIONS.proposals} proposals × ${OPTIONS.scoresPerProposal} scores, ${OPTIONS.evaluators} evaluators, median of ${REPEATS}`,
    `${'step'.padEnd(34)}${'seconds'.padStart(10)}${'heap +MB'.padStart(10)}${'× baseline'.padStart(12)}`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(34)}${r.medianSeconds.toFixed(3).padStart(10)}${r.heapGrowthMb.toFixed(1).padStart(10)}${(r.medianSeconds / Math.max(baseline.medianSeconds, 0.001)).toFixed(2).padStart(12)}`,
    ),
    `alpha ${krippendorffAlphaInterval(scores)}; top-${top} overlap normalised vs raw ${(overlap * 100).toFixed(1)}%; rss ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const directory = join(process.cwd(), 'bench-results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'calibration.json'),
    `${JSON.stringify({ options: OPTIONS, minScores: MIN_SCORES, rows, topOverlap: overlap, alpha: krippendorffAlphaInterval(scores), at: new Date().toISOString() }, null, 2)}\n`,
  );
}

main();
