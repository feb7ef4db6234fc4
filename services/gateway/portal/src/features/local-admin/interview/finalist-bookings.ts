import type { InterviewSlot } from '../../evaluator/evaluator-api';
import { slotStanding, type SlotStanding } from '../../evaluator/interview-schedule';
import type { InstitutionStageResults } from './interview-api';

export interface FinalistBooking {
  readonly proposalId: string;
  readonly title: string | null;
  readonly slot: InterviewSlot | null;
  /** `none` when the finalist has no slot yet. */
  readonly standing: SlotStanding | 'none';
}

/**
 * The institution's current finalists (the advanced entries of the newest `finalists`
 * publication), each with the slot it holds; unbooked ones first, then by session time.
 */
export function finalistBookings(
  results: InstitutionStageResults,
  slots: readonly InterviewSlot[],
  now: Date,
): FinalistBooking[] {
  const publication = results.stages
    .filter((s) => s.stage === 'finalists')
    .sort((a, b) => b.version - a.version)[0];
  const byProposal = new Map(
    slots.filter((s) => s.proposalId !== null).map((s) => [s.proposalId as string, s]),
  );
  return (publication?.entries ?? [])
    .filter((entry) => entry.advanced)
    .map((entry) => {
      const slot = byProposal.get(entry.proposalId) ?? null;
      return {
        proposalId: entry.proposalId,
        title: entry.title,
        slot,
        standing: slot ? slotStanding(slot, now) : ('none' as const),
      };
    })
    .sort(
      (a, b) =>
        Number(a.slot !== null) - Number(b.slot !== null) ||
        (a.slot?.startsAt ?? '').localeCompare(b.slot?.startsAt ?? '') ||
        a.proposalId.localeCompare(b.proposalId),
    );
}

/** Free slots that have not started, in time order: what a finalist may book or move into. */
export function openSlots(slots: readonly InterviewSlot[], now: Date): InterviewSlot[] {
  return slots
    .filter((s) => s.proposalId === null && new Date(s.startsAt).getTime() > now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.room - b.room);
}

/** Whether the confirmation is still possible (before `confirmBy`) and needed. */
export function canConfirm(booking: FinalistBooking, now: Date): boolean {
  return (
    booking.slot !== null &&
    booking.slot.confirmedAt === null &&
    (booking.slot.confirmBy === null || new Date(booking.slot.confirmBy).getTime() > now.getTime())
  );
}
