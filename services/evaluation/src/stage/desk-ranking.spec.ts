import {
  deskStage,
  passingScore,
  rankDesk,
  shortlistStage,
  type RankingCandidate,
} from './desk-ranking';

function candidate(id: string, overrides: Partial<RankingCandidate> = {}): RankingCandidate {
  return {
    proposalId: id,
    institutionId: `inst_${id}`,
    groupId: 'general',
    categoryId: 'health',
    passed: true,
    withdrawn: false,
    disqualified: false,
    scoreCount: 3,
    rawMean: 80,
    normalizedMean: 80,
    forwardedAt: new Date('2027-03-01T00:00:00Z'),
    ...overrides,
  };
}

describe('rankDesk', () => {
  it('should order by normalised mean when every proposal has one', () => {
    const ranked = rankDesk([
      candidate('a', { normalizedMean: 70 }),
      candidate('b', { normalizedMean: 90 }),
      candidate('c', { normalizedMean: 80 }),
    ]);
    expect(ranked.map((r) => [r.proposalId, r.rank])).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('should fall back to the raw mean when no normalised mean was computed', () => {
    const ranked = rankDesk([
      candidate('a', { normalizedMean: null, rawMean: 91 }),
      candidate('b', { normalizedMean: 90, rawMean: 50 }),
    ]);
    expect(ranked.map((r) => [r.proposalId, r.score])).toEqual([
      ['a', 91],
      ['b', 90],
    ]);
  });

  it('should leave a proposal out when it failed, was withdrawn, disqualified or has no score', () => {
    const ranked = rankDesk([
      candidate('ok'),
      candidate('failed', { passed: false }),
      candidate('withdrawn', { withdrawn: true }),
      candidate('disqualified', { disqualified: true }),
      candidate('unscored', { scoreCount: 0, rawMean: null, normalizedMean: null }),
    ]);
    expect(ranked.map((r) => r.proposalId)).toEqual(['ok']);
  });

  it('should break ties by raw mean, then score count, then forwardedAt, then id when scores tie', () => {
    const ranked = rankDesk([
      candidate('z-late', { forwardedAt: new Date('2027-03-02T00:00:00Z') }),
      candidate('y-early', { forwardedAt: new Date('2027-02-01T00:00:00Z') }),
      candidate('b-id'),
      candidate('a-id'),
      candidate('more-scores', { scoreCount: 4 }),
      candidate('higher-raw', { rawMean: 81 }),
    ]);
    expect(ranked.map((r) => r.proposalId)).toEqual([
      'higher-raw',
      'more-scores',
      'y-early',
      'a-id',
      'b-id',
      'z-late',
    ]);
  });

  it('should give the same order whatever the input order when run twice', () => {
    const input = Array.from({ length: 50 }, (_, i) =>
      candidate(`p${i}`, { normalizedMean: i % 7, rawMean: i % 3 }),
    );
    const once = rankDesk(input).map((r) => r.proposalId);
    const reversed = rankDesk([...input].reverse()).map((r) => r.proposalId);
    expect(reversed).toEqual(once);
  });
});

describe('passingScore', () => {
  it('should map the 0–100 grade onto the rubric scale when the scale is not 0–100', () => {
    expect(passingScore(85, { min: 0, max: 100 })).toBe(85);
    expect(passingScore(85, { min: 1, max: 5 })).toBeCloseTo(4.4);
    expect(passingScore(85, { min: 0, max: 10 })).toBeCloseTo(8.5);
    expect(passingScore(0, { min: 1, max: 5 })).toBe(1);
  });
});

describe('stages', () => {
  const ranked = rankDesk([
    candidate('a', { normalizedMean: 95 }),
    candidate('b', { normalizedMean: 90 }),
    candidate('c', { normalizedMean: 85 }),
    candidate('d', { normalizedMean: 60 }),
  ]);

  it('should advance from the desk when a proposal is at or above the passing score', () => {
    expect(deskStage(ranked, 85).map((e) => e.advanced)).toEqual([true, true, true, false]);
  });

  it('should shortlist only the best `size` at or above the passing score when more pass', () => {
    expect(shortlistStage(ranked, 85, 2).map((e) => e.advanced)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('should shortlist fewer than `size` when too few reach the passing score', () => {
    expect(shortlistStage(ranked, 85, 10).filter((e) => e.advanced)).toHaveLength(3);
  });
});
