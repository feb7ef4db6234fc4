import { z } from 'zod';

/**
 * The tiers an edition awards, independent of their sizes (which the edition sets):
 * `finalist` (e.g. Top 99, or the special group's Top 15), `top` (e.g. Top 45),
 * `outstanding`, `replication-top` (e.g. Top 5 replication).
 */
export const AWARD_TIERS = ['finalist', 'top', 'outstanding', 'replication-top'] as const;
export const awardTierSchema = z.enum(AWARD_TIERS);
export type AwardTier = z.infer<typeof awardTierSchema>;

/** Tiers that make an innovation a past winner (finalists alone are not winners). */
export const WINNING_TIERS: readonly AwardTier[] = ['top', 'outstanding', 'replication-top'];
