import {
  krippendorffAlphaInterval,
  normalizeScores,
  proposalStanding,
  rankByNormalizedMean,
  weightedScore,
  type SubmittedScore,
} from './calibration-math';

const scale = { min: 0, max: 100 };
const s = (proposalId: string, scorerId: string, score: number): SubmittedScore => ({
  proposalId,
  scorerId,
  score,
});

describe('weightedScore', () => {
  const rubric = {
    criteria: [
      { criterionId: 'novelty', weight: 30 },
      { criterionId: 'effectiveness', weight: 70 },
    ],
  };

  it('should weigh each criterion by its weight when every criterion is scored', () => {
    expect(
      weightedScore(rubric, [
        { criterionId: 'novelty', score: 80 },
        { criterionId: 'effectiveness', score: 90 },
      ]),
    ).toBe(87);
  });

  it('should answer null when a criterion is missing', () => {
    expect(weightedScore(rubric, [{ criterionId: 'novelty', score: 80 }])).toBeNull();
  });

  it('should divide by the sum of weights when the weights do not add up to 100', () => {
    const uneven = {
      criteria: [
        { criterionId: 'a', weight: 1 },
        { criterionId: 'b', weight: 3 },
      ],
    };
    expect(
      weightedScore(uneven, [
        { criterionId: 'a', score: 4 },
        { criterionId: 'b', score: 8 },
      ]),
    ).toBe(7);
  });
});

describe('proposalStanding', () => {
  it('should flag divergence when the spread exceeds the margin', () => {
    expect(proposalStanding([60, 85, 70], 20)).toEqual({
      scoreCount: 3,
      rawMean: 71.666667,
      spread: 25,
      divergent: true,
    });
  });

  it('should not flag divergence when the spread equals the margin', () => {
    expect(proposalStanding([60, 80], 20).divergent).toBe(false);
  });

  it('should answer an empty standing when there are no scores', () => {
    expect(proposalStanding([], 20)).toEqual({
      scoreCount: 0,
      rawMean: null,
      spread: 0,
      divergent: false,
    });
  });
});

describe('normalizeScores', () => {
  const scores = [s('p2', 'A', 80), s('p1', 'B', 70), s('p1', 'A', 60), s('p2', 'B', 90)];

  it('should map z-scores back onto the global scale when evaluators scored enough', () => {
    const result = normalizeScores(scores, 2, scale);

    // global mean 75, global sd √125; each evaluator's scores are at z = ∓1.
    expect(result.globalMean).toBe(75);
    expect(result.globalSd).toBeCloseTo(Math.sqrt(125), 6);
    expect(result.proposals).toEqual([
      { proposalId: 'p1', rawMean: 65, normalizedMean: 63.81966, scoreCount: 2 },
      { proposalId: 'p2', rawMean: 85, normalizedMean: 86.18034, scoreCount: 2 },
    ]);
    expect(result.evaluators).toEqual([
      { scorerId: 'A', count: 2, mean: 70, sd: 10, normalized: true },
      { scorerId: 'B', count: 2, mean: 80, sd: 10, normalized: true },
    ]);
  });

  it('should keep raw scores when an evaluator scored fewer than the minimum', () => {
    const result = normalizeScores(scores, 3, scale);

    expect(result.proposals.map((p) => p.normalizedMean)).toEqual([65, 85]);
    expect(result.evaluators.every((e) => !e.normalized)).toBe(true);
  });

  it('should clamp normalised scores to the rubric scale', () => {
    const narrow = { min: 0, max: 80 };
    const result = normalizeScores(scores, 2, narrow);

    expect(result.proposals[1]?.normalizedMean).toBe(80);
  });

  it('should map an evaluator with identical scores to the global mean', () => {
    const flat = [s('p1', 'A', 50), s('p2', 'A', 50), s('p1', 'B', 40), s('p2', 'B', 60)];
    const result = normalizeScores(flat, 2, scale);

    // global mean 50, sd √50; A: z = 0 → 50; B: z = ∓1 → 50 ∓ √50.
    expect(result.proposals.map((p) => p.normalizedMean)).toEqual([
      Math.round(((50 + 50 - Math.sqrt(50)) / 2) * 1e6) / 1e6,
      Math.round(((50 + 50 + Math.sqrt(50)) / 2) * 1e6) / 1e6,
    ]);
  });

  it('should give identical results when the input order changes', () => {
    const shuffled = [scores[3], scores[0], scores[2], scores[1]].filter(
      (x): x is SubmittedScore => x !== undefined,
    );
    expect(normalizeScores(shuffled, 2, scale)).toEqual(normalizeScores(scores, 2, scale));
  });

  it('should answer an empty result when there are no scores', () => {
    expect(normalizeScores([], 2, scale)).toEqual({
      globalMean: null,
      globalSd: null,
      evaluators: [],
      proposals: [],
    });
  });
});

describe('krippendorffAlphaInterval', () => {
  it('should match the hand-computed alpha when two evaluators rate two proposals', () => {
    // Do = 100, De = 4000 / 12 → α = 1 − 100 / 333.33 = 0.7.
    expect(
      krippendorffAlphaInterval([
        s('p1', 'A', 60),
        s('p1', 'B', 70),
        s('p2', 'A', 80),
        s('p2', 'B', 90),
      ]),
    ).toBe(0.7);
  });

  it('should answer 1 when every proposal gets identical scores from its evaluators', () => {
    expect(
      krippendorffAlphaInterval([
        s('p1', 'A', 60),
        s('p1', 'B', 60),
        s('p2', 'A', 90),
        s('p2', 'C', 90),
      ]),
    ).toBe(1);
  });

  it('should ignore proposals with a single score when data is missing', () => {
    const withLone = [
      s('p1', 'A', 60),
      s('p1', 'B', 70),
      s('p2', 'A', 80),
      s('p2', 'B', 90),
      s('p3', 'C', 10),
    ];
    expect(krippendorffAlphaInterval(withLone)).toBe(0.7);
  });

  it('should answer null when nothing can be compared', () => {
    expect(krippendorffAlphaInterval([s('p1', 'A', 60)])).toBeNull();
    expect(krippendorffAlphaInterval([s('p1', 'A', 60), s('p1', 'B', 60)])).toBeNull();
  });

  it('should go below zero when evaluators disagree systematically', () => {
    const alpha = krippendorffAlphaInterval([
      s('p1', 'A', 0),
      s('p1', 'B', 100),
      s('p2', 'A', 100),
      s('p2', 'B', 0),
    ]);
    expect(alpha).toBeLessThan(0);
  });
});

describe('rankByNormalizedMean', () => {
  it('should break ties by raw mean and then by proposal id', () => {
    const ranked = rankByNormalizedMean([
      { proposalId: 'c', normalizedMean: 80, rawMean: 70 },
      { proposalId: 'b', normalizedMean: 80, rawMean: 75 },
      { proposalId: 'a', normalizedMean: 80, rawMean: 70 },
      { proposalId: 'd', normalizedMean: 90, rawMean: 10 },
    ]);
    expect(ranked.map((r) => r.proposalId)).toEqual(['d', 'b', 'a', 'c']);
  });
});
