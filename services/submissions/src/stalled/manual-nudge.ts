import { EDITABLE_STATUSES, type Proposal } from '../proposal/proposal.schema';

/** A local admin may remind the unit of one proposal by hand at most once in this span. */
export const MANUAL_NUDGE_INTERVAL_MS = 24 * 3_600_000;

/** Only a proposal the unit must act on (draft or returned) can be nudged by hand. */
export function isWithUnit(proposal: Pick<Proposal, 'status'>): boolean {
  return EDITABLE_STATUSES.includes(proposal.status);
}

/** A proposal last nudged at `lastNudgedAt` may be nudged again from this instant. */
export function nextManualNudgeAt(lastNudgedAt: Date): Date {
  return new Date(lastNudgedAt.getTime() + MANUAL_NUDGE_INTERVAL_MS);
}

/**
 * The latest earlier nudge that still allows one at `now`: the conditional write matches
 * only a proposal never nudged by hand or last nudged no later than this.
 */
export function latestNudgeAllowing(now: Date): Date {
  return new Date(now.getTime() - MANUAL_NUDGE_INTERVAL_MS);
}

/** The local admin's optional words, trimmed; blank is no message. */
export function nudgeMessage(raw: string | undefined): string | null {
  const trimmed = raw?.trim() ?? '';
  return trimmed.length === 0 ? null : trimmed;
}

export type NudgeRefusal =
  | { readonly reason: 'not-with-unit' }
  | { readonly reason: 'too-soon'; readonly lastNudgedAt: Date; readonly nextAllowedAt: Date };

/**
 * Why a proposal cannot be nudged by hand at `now`, or null if it can. Explains a lost
 * conditional write from the proposal as it is after it; the write itself decides.
 */
export function nudgeRefusal(
  proposal: Pick<Proposal, 'status' | 'manualNudgedAt'>,
  now: Date,
): NudgeRefusal | null {
  if (!isWithUnit(proposal)) return { reason: 'not-with-unit' };
  const last = proposal.manualNudgedAt;
  if (last !== null && last > latestNudgeAllowing(now)) {
    return { reason: 'too-soon', lastNudgedAt: last, nextAllowedAt: nextManualNudgeAt(last) };
  }
  return null;
}
