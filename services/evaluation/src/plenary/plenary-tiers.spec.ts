import { computePlenaryTiers, type PlenaryCandidate } from './plenary-tiers';

const day = (n: number) => new Date(Date.UTC(2027, 2, n));

function candidate(
  proposalId: string,
  panelScore: number | null,
  extra: Partial<PlenaryCandidate> = {},
): PlenaryCandidate {
  return {
    proposalId,
    groupId: 'general',
    panelScore,
    deskNormalized: 80,
    deskRaw: 80,
    forwardedAt: day(1),
    ...extra,
  };
}

const sizes = { winnersTop: 3, winnersOutstanding: 1, winnersReplicationTop: 1 };

describe('computePlenaryTiers', () => {
  it('should give top to the best winnersTop and outstanding to the best of those when scores differ', () => {
    const outcome = computePlenaryTiers(
      [candidate('p1', 70), candidate('p2', 90), candidate('p3', 80), candidate('p4', 60)],
      sizes,
    );
    expect(outcome.placements.map((p) => [p.proposalId, p.tiers])).toEqual([
      ['p2', ['finalist', 'top', 'outstanding']],
      ['p3', ['finalist', 'top']],
      ['p1', ['finalist', 'top']],
      ['p4', ['finalist']],
    ]);
    expect(outcome.ties).toEqual([]);
  });

  it('should rank general and replication jointly and give replication-top within replication when both groups compete', () => {
    const outcome = computePlenaryTiers(
      [
        candidate('g1', 95),
        candidate('r1', 85, { groupId: 'replication' }),
        candidate('r2', 88, { groupId: 'replication' }),
        candidate('g2', 50),
      ],
      { winnersTop: 2, winnersOutstanding: 1, winnersReplicationTop: 1 },
    );
    const tiers = Object.fromEntries(outcome.placements.map((p) => [p.proposalId, p.tiers]));
    expect(tiers).toEqual({
      g1: ['finalist', 'top', 'outstanding'],
      r2: ['finalist', 'top', 'replication-top'],
      r1: ['finalist'],
      g2: ['finalist'],
    });
    const ranks = Object.fromEntries(outcome.placements.map((p) => [p.proposalId, p.rankInGroup]));
    expect(ranks).toEqual({ g1: 1, r2: 1, r1: 2, g2: 2 });
  });

  it('should rank the special group on its own with no tier beyond finalist when special finalists score highest', () => {
    const outcome = computePlenaryTiers(
      [
        candidate('s1', 99, { groupId: 'special' }),
        candidate('s2', 98, { groupId: 'special' }),
        candidate('g1', 10),
      ],
      sizes,
    );
    const byId = Object.fromEntries(outcome.placements.map((p) => [p.proposalId, p]));
    expect(byId['g1']!.tiers).toEqual(['finalist', 'top', 'outstanding']);
    expect(byId['s1']!.tiers).toEqual(['finalist']);
    expect(byId['s1']!.rankInGroup).toBe(1);
    expect(byId['s2']!.rankInGroup).toBe(2);
  });

  it.each([
    ['desk-normalized', { deskNormalized: 81 }, {}],
    ['desk-raw', { deskRaw: 81 }, {}],
    ['forwarded-at', { forwardedAt: day(1) }, { forwardedAt: day(2) }],
    ['proposal-id', {}, {}],
  ] as const)(
    'should break a panel tie by %s when the earlier keys are equal',
    (decidedBy, better, worse) => {
      const outcome = computePlenaryTiers([candidate('b', 80, worse), candidate('a', 80, better)], {
        winnersTop: 1,
        winnersOutstanding: 0,
        winnersReplicationTop: 0,
      });
      expect(outcome.placements[0]!.proposalId).toBe('a');
      expect(outcome.placements[0]!.tiers).toEqual(['finalist', 'top']);
      expect(outcome.ties).toEqual([
        { ranking: 'general-replication', higher: 'a', lower: 'b', decidedBy },
      ]);
    },
  );

  it('should rank a finalist without a panel score below every scored one when scores are missing', () => {
    const outcome = computePlenaryTiers([candidate('a', null), candidate('b', 1)], sizes);
    expect(outcome.placements.map((p) => p.proposalId)).toEqual(['b', 'a']);
    expect(outcome.ties).toEqual([]);
  });

  it('should give the same result whatever the input order when run twice', () => {
    const input = [candidate('c', 80), candidate('a', 80), candidate('b', 80, { deskRaw: 90 })];
    const first = computePlenaryTiers(input, sizes);
    const second = computePlenaryTiers([...input].reverse(), sizes);
    expect(second).toEqual(first);
    expect(first.placements.map((p) => p.proposalId)).toEqual(['b', 'a', 'c']);
  });

  it('should cap the tiers at the number of finalists when sizes exceed it', () => {
    const outcome = computePlenaryTiers([candidate('a', 1)], {
      winnersTop: 45,
      winnersOutstanding: 5,
      winnersReplicationTop: 5,
    });
    expect(outcome.placements[0]!.tiers).toEqual(['finalist', 'top', 'outstanding']);
  });

  it('should report the desk score as the normalised mean falling back to the raw one when not calibrated', () => {
    const outcome = computePlenaryTiers(
      [candidate('a', 1, { deskNormalized: null, deskRaw: 70 })],
      sizes,
    );
    expect(outcome.placements[0]!.deskScore).toBe(70);
  });
});
