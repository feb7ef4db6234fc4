import type { TimeZone } from '@kipp/contracts';

export interface InterviewSlot {
  readonly slotId: string;
  readonly room: number;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly proposalId: string | null;
  readonly institutionId: string | null;
  readonly confirmBy: string | null;
  readonly confirmedAt: string | null;
}

export type SlotState = 'free' | 'confirmed' | 'awaiting' | 'at-risk';

/** Where a slot stands: free, confirmed, booked and still in time to confirm, or past its confirm-by. */
export function slotState(slot: InterviewSlot, now: Date): SlotState {
  if (!slot.proposalId) return 'free';
  if (slot.confirmedAt) return 'confirmed';
  if (slot.confirmBy && Date.parse(slot.confirmBy) < now.getTime()) return 'at-risk';
  return 'awaiting';
}

/** One day of interviews as the secretariat enters it. */
export interface InterviewDay {
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: TimeZone;
}

/** The days that are filled in completely and in order (end after start); the rest are reported. */
export function checkDays(days: readonly InterviewDay[]): {
  valid: InterviewDay[];
  invalid: number[];
} {
  const valid: InterviewDay[] = [];
  const invalid: number[] = [];
  days.forEach((day, index) => {
    const complete =
      /^\d{4}-\d{2}-\d{2}$/.test(day.date) &&
      /^\d{2}:\d{2}$/.test(day.start) &&
      /^\d{2}:\d{2}$/.test(day.end);
    if (complete && day.end > day.start) valid.push(day);
    else invalid.push(index);
  });
  return { valid, invalid };
}
