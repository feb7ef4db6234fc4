import type { SolvedPair } from './solver/assignment-solver';

export interface LoadSummary {
  min: number;
  max: number;
  mean: number;
}

/** Spread of the evaluators' loads (all zero when there are no evaluators). */
export function summarizeLoads(loads: readonly number[]): LoadSummary {
  if (loads.length === 0) return { min: 0, max: 0, mean: 0 };
  const total = loads.reduce((sum, load) => sum + load, 0);
  return {
    min: Math.min(...loads),
    max: Math.max(...loads),
    mean: Math.round((total / loads.length) * 100) / 100,
  };
}

/** Share of pairs whose evaluator lists the proposal's category as expertise. */
export function expertiseShare(
  pairs: readonly Pick<SolvedPair, 'proposalId' | 'evaluatorId'>[],
  matches: (pair: Pick<SolvedPair, 'proposalId' | 'evaluatorId'>) => boolean,
): number {
  if (pairs.length === 0) return 0;
  const matched = pairs.filter(matches).length;
  return Math.round((matched / pairs.length) * 10_000) / 10_000;
}
