/**
 * Assignment benchmark: 3,500 proposals × 120 evaluators, k = 3, realistic conflicts (a
 * seeded, deterministic instance), solved by the service's min-cost-flow solver next to a
 * greedy baseline measured in the same run. Prints a table and writes
 * `bench-results/assignment.json`. Run:
 *   node -r @swc-node/register services/evaluation/bench/assignment.bench.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { solveAssignment, type SolverInput } from '../src/assignment/solver/assignment-solver';
import { greedyAssignment } from '../src/assignment/solver/greedy-assignment';
import { conflictShares, syntheticInstance } from '../src/assignment/solver/synthetic-instance';

const OPTIONS = { proposals: 3500, evaluators: 120, k: 3, slack: 0.1, seed: 2027 } as const;

interface Quality {
  seconds: number;
  feasible: boolean;
  pairs: number;
  unfilled: number;
  maxLoad: number;
  minLoad: number;
  meanLoad: number;
  expertiseShare: number;
}

function quality(
  input: SolverInput,
  seconds: number,
  pairs: { proposalId: string; evaluatorId: string }[],
  loads: Record<string, number>,
): Quality {
  const category = new Map(input.proposals.map((p) => [p.id, p.categoryId]));
  const expertise = new Map(input.evaluators.map((e) => [e.id, e.expertiseCategoryIds]));
  const matched = pairs.filter((p) =>
    (expertise.get(p.evaluatorId) ?? []).includes(category.get(p.proposalId) ?? ''),
  ).length;
  const values = Object.values(loads);
  const wanted = input.proposals.reduce((sum, p) => sum + p.needed, 0);
  return {
    seconds: Math.round(seconds * 1000) / 1000,
    feasible: pairs.length === wanted,
    pairs: pairs.length,
    unfilled: wanted - pairs.length,
    maxLoad: Math.max(...values),
    minLoad: Math.min(...values),
    meanLoad: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100,
    expertiseShare: Math.round((matched / Math.max(1, pairs.length)) * 10_000) / 10_000,
  };
}

function main(): void {
  const input = syntheticInstance(OPTIONS);

  let started = performance.now();
  const greedy = greedyAssignment(input);
  const baseline = quality(input, (performance.now() - started) / 1000, greedy.pairs, greedy.loads);

  started = performance.now();
  const solved = solveAssignment(input);
  const flow = quality(input, (performance.now() - started) / 1000, solved.pairs, solved.loads);

  const rows = Object.keys(flow) as (keyof Quality)[];
  const lines = [
    `assignment: ${OPTIONS.proposals} proposals × ${OPTIONS.evaluators} evaluators, k = ${OPTIONS.k}, max load ${input.maxLoad}`,
    `conflict share of all pairs: ${JSON.stringify(conflictShares(input))}`,
    '',
    `${'metric'.padEnd(16)}${'greedy (baseline)'.padStart(20)}${'min-cost flow'.padStart(16)}`,
    ...rows.map(
      (row) =>
        `${row.padEnd(16)}${String(baseline[row]).padStart(20)}${String(flow[row]).padStart(16)}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const directory = join(process.cwd(), 'bench-results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'assignment.json'),
    `${JSON.stringify(
      {
        benchmark: 'assignment',
        instance: { ...OPTIONS, maxLoad: input.maxLoad, conflictShares: conflictShares(input) },
        node: process.version,
        measuredAt: new Date().toISOString(),
        baseline: { name: 'greedy least-loaded', ...baseline },
        candidate: { name: 'min-cost flow', ...flow },
      },
      null,
      2,
    )}\n`,
  );
}

main();
