import { AWARD_TIERS, type AwardTier } from '@kipp/contracts';

/** A finalist as the plenary ranks it. */
export interface PlenaryCandidate {
  proposalId: string;
  groupId: 'general' | 'replication' | 'special';
  /** Mean of the submitted panel sheets; null when no panelist submitted one. */
  panelScore: number | null;
  /** Normalised desk mean (calibration); null when not calibrated. */
  deskNormalized: number | null;
  /** Raw desk mean. */
  deskRaw: number | null;
  forwardedAt: Date;
}

export interface PlenarySizes {
  winnersTop: number;
  winnersOutstanding: number;
  winnersReplicationTop: number;
}

/** The ranking keys, in the order the tie-break rule applies them. */
export const TIE_BREAK_KEYS = [
  'panel-score',
  'desk-normalized',
  'desk-raw',
  'forwarded-at',
  'proposal-id',
] as const;
export type TieBreakKey = (typeof TIE_BREAK_KEYS)[number];

/** Two neighbours of a ranking with the same panel score, and the key that ordered them. */
export interface BrokenTie {
  ranking: 'general-replication' | 'replication' | 'special';
  higher: string;
  lower: string;
  decidedBy: Exclude<TieBreakKey, 'panel-score'>;
}

export interface PlenaryPlacement {
  proposalId: string;
  groupId: PlenaryCandidate['groupId'];
  /** Every tier reached, lowest first (the order of `AWARD_TIERS`). */
  tiers: AwardTier[];
  /** 1 first, within the proposal's own group. */
  rankInGroup: number;
  panelScore: number | null;
  deskScore: number | null;
}

export interface PlenaryOutcome {
  /** In final order: general and replication by their joint ranking, then special. */
  placements: PlenaryPlacement[];
  ties: BrokenTie[];
  tieBreakRule: readonly TieBreakKey[];
}

type Comparison = { order: number; decidedBy: TieBreakKey };

/** Higher scores first; a missing score ranks below every present one. */
function byScoreDesc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * The documented tie-break rule: panel score, then normalised desk score, then raw desk
 * score (all highest first), then the earlier forward, then the proposal id (so the order
 * never depends on input order).
 */
export function compareCandidates(a: PlenaryCandidate, b: PlenaryCandidate): Comparison {
  const steps: [TieBreakKey, number][] = [
    ['panel-score', byScoreDesc(a.panelScore, b.panelScore)],
    ['desk-normalized', byScoreDesc(a.deskNormalized, b.deskNormalized)],
    ['desk-raw', byScoreDesc(a.deskRaw, b.deskRaw)],
    ['forwarded-at', a.forwardedAt.getTime() - b.forwardedAt.getTime()],
    ['proposal-id', a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0],
  ];
  for (const [decidedBy, order] of steps) if (order !== 0) return { order, decidedBy };
  return { order: 0, decidedBy: 'proposal-id' };
}

function rank(
  candidates: readonly PlenaryCandidate[],
  ranking: BrokenTie['ranking'],
  ties: BrokenTie[],
): PlenaryCandidate[] {
  const sorted = [...candidates].sort((a, b) => compareCandidates(a, b).order);
  sorted.slice(1).forEach((lower, index) => {
    const higher = sorted[index] as PlenaryCandidate;
    const { decidedBy } = compareCandidates(higher, lower);
    if (decidedBy !== 'panel-score') {
      ties.push({ ranking, higher: higher.proposalId, lower: lower.proposalId, decidedBy });
    }
  });
  return sorted;
}

/**
 * The plenary's final tiers. General and replication finalists are ranked together: the
 * best `winnersTop` are `top`, the best `winnersOutstanding` of those also `outstanding`.
 * Replication finalists are also ranked among themselves: the best `winnersReplicationTop`
 * are `replication-top`. The special group is ranked on its own and reaches no tier beyond
 * `finalist` (the edition sizes no special winners). Every finalist is a `finalist`.
 */
export function computePlenaryTiers(
  candidates: readonly PlenaryCandidate[],
  sizes: PlenarySizes,
): PlenaryOutcome {
  const ties: BrokenTie[] = [];
  const reached = new Map<string, Set<AwardTier>>(
    candidates.map((c) => [c.proposalId, new Set<AwardTier>(['finalist'])]),
  );
  const grant = (proposalId: string, tier: AwardTier) => reached.get(proposalId)?.add(tier);
  const joint = rank(
    candidates.filter((c) => c.groupId !== 'special'),
    'general-replication',
    ties,
  );
  joint.slice(0, sizes.winnersTop).forEach((c, index) => {
    grant(c.proposalId, 'top');
    if (index < sizes.winnersOutstanding) grant(c.proposalId, 'outstanding');
  });
  const replication = rank(
    candidates.filter((c) => c.groupId === 'replication'),
    'replication',
    ties,
  );
  for (const c of replication.slice(0, sizes.winnersReplicationTop)) {
    grant(c.proposalId, 'replication-top');
  }
  const special = rank(
    candidates.filter((c) => c.groupId === 'special'),
    'special',
    ties,
  );

  const seenInGroup = new Map<string, number>();
  const placements = [...joint, ...special].map((c) => {
    const rankInGroup = (seenInGroup.get(c.groupId) ?? 0) + 1;
    seenInGroup.set(c.groupId, rankInGroup);
    return {
      proposalId: c.proposalId,
      groupId: c.groupId,
      tiers: AWARD_TIERS.filter((tier) => reached.get(c.proposalId)?.has(tier) === true),
      rankInGroup,
      panelScore: c.panelScore,
      deskScore: c.deskNormalized ?? c.deskRaw,
    };
  });
  return { placements, ties, tieBreakRule: TIE_BREAK_KEYS };
}
