import { WINNING_TIERS, type AwardTier } from '@kipp/contracts';

/**
 * The order tiers are shown in (decree annex) and ranked by (an award's highest tier:
 * certificates, DID): outstanding winners first, the finalists last.
 */
export const TIER_PRIORITY: readonly AwardTier[] = [
  'outstanding',
  'top',
  'replication-top',
  'finalist',
];

export function highestTier(tiers: readonly AwardTier[]): AwardTier | null {
  return TIER_PRIORITY.find((tier) => tiers.includes(tier)) ?? null;
}

/** The highest tier that makes the award a win (finalists alone are not winners). */
export function highestWinningTier(tiers: readonly AwardTier[]): AwardTier | null {
  return TIER_PRIORITY.find((tier) => WINNING_TIERS.includes(tier) && tiers.includes(tier)) ?? null;
}
