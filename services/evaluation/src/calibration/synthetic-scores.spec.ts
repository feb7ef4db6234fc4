import {
  krippendorffAlphaInterval,
  normalizeScores,
  rankByNormalizedMean,
} from './calibration-math';
import { rankByRawMean, syntheticScores } from './synthetic-scores';

const options = {
  proposals: 200,
  evaluators: 15,
  scoresPerProposal: 3,
  seed: 7,
  scale: { min: 0, max: 100 },
} as const;

describe('the calibration benchmark path at a small size', () => {
  it('should generate the same scores when the seed is the same', () => {
    expect(syntheticScores(options)).toEqual(syntheticScores(options));
    expect(syntheticScores({ ...options, seed: 8 })).not.toEqual(syntheticScores(options));
  });

  it('should give each proposal distinct evaluators within the scale', () => {
    const scores = syntheticScores(options);
    const perProposal = new Map<string, Set<string>>();
    for (const s of scores) {
      perProposal.set(s.proposalId, (perProposal.get(s.proposalId) ?? new Set()).add(s.scorerId));
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
    }
    expect(perProposal.size).toBe(200);
    expect([...perProposal.values()].every((set) => set.size === 3)).toBe(true);
  });

  it('should rank every proposal once, normalised and raw, when calibrating the data', () => {
    const scores = syntheticScores(options);
    const result = normalizeScores(scores, 5, options.scale);
    const ranked = rankByNormalizedMean(result.proposals);

    expect(ranked).toHaveLength(200);
    expect(new Set(ranked.map((r) => r.proposalId)).size).toBe(200);
    expect(rankByRawMean(scores)).toHaveLength(200);
    expect(result.evaluators.every((e) => e.normalized)).toBe(true);
    const alpha = krippendorffAlphaInterval(scores);
    expect(alpha).not.toBeNull();
    expect(alpha).toBeLessThan(1);
  });
});
