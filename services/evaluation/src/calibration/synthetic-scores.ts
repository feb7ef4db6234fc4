import type { SubmittedScore } from './calibration-math';

/** mulberry32: a small seeded PRNG, so benchmark data is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface SyntheticScoresOptions {
  readonly proposals: number;
  readonly evaluators: number;
  readonly scoresPerProposal: number;
  readonly seed: number;
  readonly scale: { readonly min: number; readonly max: number };
}

/**
 * Desk scores as a real edition produces them: each proposal has a true quality, each
 * evaluator a leniency (bias) and a spread of their own, plus noise; distinct evaluators
 * per proposal, drawn round-robin from a shuffled pool so loads stay even.
 */
export function syntheticScores(options: SyntheticScoresOptions): SubmittedScore[] {
  const random = seededRandom(options.seed);
  const normal = () => {
    const u = Math.max(random(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const { min, max } = options.scale;
  const mid = (min + max) / 2;
  const range = max - min;
  const evaluators = Array.from({ length: options.evaluators }, (_, n) => ({
    id: `ev_${String(n).padStart(5, '0')}`,
    bias: normal() * range * 0.08,
    stretch: 0.6 + random() * 0.8,
  }));
  const scores: SubmittedScore[] = [];
  let cursor = Math.floor(random() * options.evaluators);
  for (let p = 0; p < options.proposals; p += 1) {
    const proposalId = `prop_${String(p).padStart(7, '0')}`;
    const quality = normal() * range * 0.15;
    for (let k = 0; k < options.scoresPerProposal; k += 1) {
      const evaluator = evaluators[cursor % options.evaluators];
      cursor += 1;
      if (!evaluator) continue;
      const raw = mid + evaluator.bias + evaluator.stretch * quality + normal() * range * 0.05;
      const score = Math.round(Math.min(max, Math.max(min, raw)) * 100) / 100;
      scores.push({ proposalId, scorerId: evaluator.id, score });
    }
  }
  return scores;
}

/** The naive baseline: raw mean per proposal, sorted highest first (id breaks ties). */
export function rankByRawMean(
  scores: readonly SubmittedScore[],
): { proposalId: string; rawMean: number }[] {
  const sums = new Map<string, { total: number; count: number }>();
  for (const s of scores) {
    const entry = sums.get(s.proposalId) ?? { total: 0, count: 0 };
    entry.total += s.score;
    entry.count += 1;
    sums.set(s.proposalId, entry);
  }
  return [...sums.entries()]
    .map(([proposalId, { total, count }]) => ({ proposalId, rawMean: total / count }))
    .sort((a, b) => b.rawMean - a.rawMean || (a.proposalId < b.proposalId ? -1 : 1));
}
