import type { AwardTier, ProposalSnapshot } from '@kipp/contracts';
import { highestWinningTier } from './award-tiers';

/**
 * The rule for proposing an innovation to the UN Public Service Awards, which asks for
 * innovations that have run at least two years and whose impact is shown:
 *
 * 1. a winner of the edition (a winning tier: top, outstanding or replication-top);
 * 2. running for at least `UNPSA_MIN_YEARS_RUNNING` years from the snapshot's
 *    `innovationStartDate` to the reference date (the start of the edition's `results`
 *    phase, or today when the calendar has none);
 * 3. impact documented: at least one snapshot section whose id names an impact-type
 *    heading (`UNPSA_IMPACT_SECTION_HINTS`) with at least `UNPSA_MIN_IMPACT_WORDS` words.
 *
 * These thresholds belong to the UN programme, not to an edition, hence constants here.
 */
export const UNPSA_MIN_YEARS_RUNNING = 2;
export const UNPSA_MIN_IMPACT_WORDS = 100;
export const UNPSA_IMPACT_SECTION_HINTS = [
  'impact',
  'significance',
  'effectiveness',
  'sustainability',
] as const;

export interface UnpsaAssessment {
  qualifies: boolean;
  winningTier: AwardTier | null;
  innovationStartDate: string | null;
  yearsRunning: number | null;
  impactSections: { sectionId: string; words: number }[];
  /** Why it qualifies, or why not, one sentence per rule. */
  reasons: string[];
}

export function assessUnpsa(
  tiers: readonly AwardTier[],
  snapshot: Pick<ProposalSnapshot, 'innovationStartDate' | 'sections'> | null,
  referenceDate: Date,
): UnpsaAssessment {
  const winningTier = highestWinningTier(tiers);
  const reasons: string[] = [];
  reasons.push(
    winningTier === null ? 'not a winner (finalist only)' : `winner at tier ${winningTier}`,
  );

  const start = snapshot ? new Date(`${snapshot.innovationStartDate}T00:00:00.000Z`) : null;
  const yearsRunning =
    start === null || Number.isNaN(start.getTime())
      ? null
      : wholeYearsBetween(start, referenceDate);
  const longEnough = yearsRunning !== null && yearsRunning >= UNPSA_MIN_YEARS_RUNNING;
  reasons.push(
    yearsRunning === null
      ? 'innovation start date unknown'
      : `running ${yearsRunning} full year(s) since ${snapshot?.innovationStartDate ?? ''} (at least ${UNPSA_MIN_YEARS_RUNNING} required)`,
  );

  const impactSections = (snapshot?.sections ?? [])
    .filter((section) =>
      UNPSA_IMPACT_SECTION_HINTS.some((hint) => section.sectionId.toLowerCase().includes(hint)),
    )
    .map((section) => ({ sectionId: section.sectionId, words: countWords(section.text) }))
    .filter((section) => section.words >= UNPSA_MIN_IMPACT_WORDS);
  reasons.push(
    impactSections.length === 0
      ? `no impact section with at least ${UNPSA_MIN_IMPACT_WORDS} words`
      : `impact documented in ${impactSections.map((s) => `${s.sectionId} (${s.words} words)`).join(', ')}`,
  );

  return {
    qualifies: winningTier !== null && longEnough && impactSections.length > 0,
    winningTier,
    innovationStartDate: snapshot?.innovationStartDate ?? null,
    yearsRunning,
    impactSections,
    reasons,
  };
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** Full calendar years from `start` to `end` (UTC), 0 when `end` is earlier. */
export function wholeYearsBetween(start: Date, end: Date): number {
  let years = end.getUTCFullYear() - start.getUTCFullYear();
  const anniversaryPassed =
    end.getUTCMonth() > start.getUTCMonth() ||
    (end.getUTCMonth() === start.getUTCMonth() && end.getUTCDate() >= start.getUTCDate());
  if (!anniversaryPassed) years -= 1;
  return Math.max(0, years);
}
