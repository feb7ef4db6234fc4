/**
 * The arithmetic of desk calibration, free of I/O so that it is exact, deterministic and
 * cheap to test. Every function sorts or iterates its inputs in a fixed order (proposal id,
 * then scorer id) so that the same scores always give bit-identical results.
 */

export interface RubricWeights {
  readonly criteria: readonly { readonly criterionId: string; readonly weight: number }[];
}

export interface Scale {
  readonly min: number;
  readonly max: number;
}

/** One submitted weighted score of one scorer for one proposal. */
export interface SubmittedScore {
  readonly proposalId: string;
  readonly scorerId: string;
  readonly score: number;
}

/** Σ score × weight / Σ weights; null while a criterion of the rubric is unscored. */
export function weightedScore(
  rubric: RubricWeights,
  scores: readonly { readonly criterionId: string; readonly score: number }[],
): number | null {
  const byCriterion = new Map(scores.map((s) => [s.criterionId, s.score]));
  let total = 0;
  let weights = 0;
  for (const criterion of rubric.criteria) {
    const score = byCriterion.get(criterion.criterionId);
    if (score === undefined) return null;
    total += score * criterion.weight;
    weights += criterion.weight;
  }
  return weights === 0 ? null : round(total / weights);
}

export interface ProposalStanding {
  readonly scoreCount: number;
  readonly rawMean: number | null;
  readonly spread: number;
  readonly divergent: boolean;
}

/** Raw mean, spread (highest − lowest) and divergence of one proposal's scores. */
export function proposalStanding(
  scores: readonly number[],
  divergenceMargin: number,
): ProposalStanding {
  if (scores.length === 0) return { scoreCount: 0, rawMean: null, spread: 0, divergent: false };
  const spread = round(Math.max(...scores) - Math.min(...scores));
  return {
    scoreCount: scores.length,
    rawMean: round(mean(scores)),
    spread,
    divergent: spread > divergenceMargin,
  };
}

export interface EvaluatorStatistics {
  readonly scorerId: string;
  readonly count: number;
  readonly mean: number;
  /** Population standard deviation of the evaluator's scores. */
  readonly sd: number;
  /** Whether the evaluator scored enough proposals to be normalised. */
  readonly normalized: boolean;
}

export interface NormalizationResult {
  readonly globalMean: number | null;
  readonly globalSd: number | null;
  readonly evaluators: EvaluatorStatistics[];
  /** Per proposal (sorted by id): raw mean and mean of the normalised scores. */
  readonly proposals: {
    proposalId: string;
    rawMean: number;
    normalizedMean: number;
    scoreCount: number;
  }[];
}

/**
 * Per-evaluator normalisation: an evaluator with at least `minScores` scores has each score
 * turned into a z-score against their own mean and sd, then mapped back onto the global
 * scale (global mean + z × global sd), clamped to the rubric's scale. An evaluator with fewer
 * scores keeps the raw ones: too few scores make their mean and sd noise. An evaluator whose
 * scores are all equal (sd 0) carries no ranking information of their own, so their scores
 * map to the global mean.
 */
export function normalizeScores(
  scores: readonly SubmittedScore[],
  minScores: number,
  scale: Scale,
): NormalizationResult {
  const ordered = [...scores].sort(byProposalThenScorer);
  if (ordered.length === 0)
    return { globalMean: null, globalSd: null, evaluators: [], proposals: [] };
  const all = ordered.map((s) => s.score);
  const globalMean = mean(all);
  const globalSd = populationSd(all, globalMean);

  const perScorer = new Map<string, number[]>();
  for (const s of ordered) {
    const list = perScorer.get(s.scorerId);
    if (list) list.push(s.score);
    else perScorer.set(s.scorerId, [s.score]);
  }
  const evaluators: EvaluatorStatistics[] = [...perScorer.entries()]
    .sort(([a], [b]) => compareIds(a, b))
    .map(([scorerId, list]) => {
      const m = mean(list);
      return {
        scorerId,
        count: list.length,
        mean: round(m),
        sd: round(populationSd(list, m)),
        normalized: list.length >= minScores,
      };
    });
  const exact = new Map(
    [...perScorer.entries()].map(([id, list]) => {
      const m = mean(list);
      return [id, { mean: m, sd: populationSd(list, m), normalized: list.length >= minScores }];
    }),
  );

  // `ordered` is sorted by proposal, so each proposal's scores are consecutive.
  const groups: { proposalId: string; raw: number[]; normalized: number[] }[] = [];
  let group: { proposalId: string; raw: number[]; normalized: number[] } | undefined;
  for (const score of ordered) {
    if (group?.proposalId !== score.proposalId) {
      group = { proposalId: score.proposalId, raw: [], normalized: [] };
      groups.push(group);
    }
    const stats = exact.get(score.scorerId);
    let value = score.score;
    if (stats?.normalized) {
      const z = stats.sd === 0 ? 0 : (score.score - stats.mean) / stats.sd;
      value = clamp(globalMean + z * globalSd, scale);
    }
    group.raw.push(score.score);
    group.normalized.push(value);
  }
  const proposals = groups.map((g) => ({
    proposalId: g.proposalId,
    rawMean: round(mean(g.raw)),
    normalizedMean: round(mean(g.normalized)),
    scoreCount: g.raw.length,
  }));
  return { globalMean: round(globalMean), globalSd: round(globalSd), evaluators, proposals };
}

/**
 * Krippendorff's alpha with the interval metric over proposals × scorers with missing data:
 * 1 − observed disagreement / disagreement expected by chance. Only proposals with at least
 * two scores count. 1 = perfect agreement, 0 = no better than chance, below 0 = systematic
 * disagreement; null when there is nothing to compare (fewer than two pairable scores, or
 * every score identical).
 */
export function krippendorffAlphaInterval(scores: readonly SubmittedScore[]): number | null {
  const perProposal = new Map<string, number[]>();
  for (const s of [...scores].sort(byProposalThenScorer)) {
    const list = perProposal.get(s.proposalId);
    if (list) list.push(s.score);
    else perProposal.set(s.proposalId, [s.score]);
  }
  let n = 0;
  let observed = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const values of perProposal.values()) {
    const m = values.length;
    if (m < 2) continue;
    let unitSum = 0;
    let unitSquares = 0;
    for (const v of values) {
      unitSum += v;
      unitSquares += v * v;
    }
    // Σ over ordered pairs i≠j of (vi − vj)² = 2(m Σv² − (Σv)²).
    observed += (2 * (m * unitSquares - unitSum * unitSum)) / (m - 1);
    n += m;
    sum += unitSum;
    sumSquares += unitSquares;
  }
  if (n < 2) return null;
  const expected = (2 * (n * sumSquares - sum * sum)) / (n * (n - 1));
  if (expected <= 0) return null;
  return round(1 - observed / n / expected);
}

/** Proposals by normalised mean, then raw mean, highest first; proposal id breaks ties. */
export function rankByNormalizedMean<
  T extends { proposalId: string; normalizedMean: number; rawMean: number },
>(proposals: readonly T[]): T[] {
  return [...proposals].sort(
    (a, b) =>
      b.normalizedMean - a.normalizedMean ||
      b.rawMean - a.rawMean ||
      compareIds(a.proposalId, b.proposalId),
  );
}

export function mean(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total / values.length;
}

function populationSd(values: readonly number[], m: number): number {
  let total = 0;
  for (const v of values) total += (v - m) * (v - m);
  return Math.sqrt(total / values.length);
}

function clamp(value: number, scale: Scale): number {
  return Math.min(scale.max, Math.max(scale.min, value));
}

/** Six decimals: enough for any rubric, and stable across platforms when stored. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Code-unit order, independent of the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byProposalThenScorer(a: SubmittedScore, b: SubmittedScore): number {
  return compareIds(a.proposalId, b.proposalId) || compareIds(a.scorerId, b.scorerId);
}
