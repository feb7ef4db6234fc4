import type { TimeZone } from '@kipp/contracts';
import { TIME_ZONE_IANA } from '@kipp/contracts';
import type { Locale } from '../../i18n';
import { formatDateTime } from '../../ui/date-time';
import type { InterviewSlot } from './evaluator-api';

/** The calendar day (yyyy-mm-dd) an instant falls on in a zone. */
export function dayIn(instant: string, zone: TimeZone): string {
  // en-CA writes dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE_IANA[zone],
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** Slots in time order (then room), booked ones only unless `includeFree`. */
export function scheduleRows(
  slots: readonly InterviewSlot[],
  includeFree: boolean,
): InterviewSlot[] {
  return slots
    .filter((slot) => includeFree || slot.proposalId !== null)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.room - b.room);
}

/** Slots per day in the zone that `counts` accepts, every day present in order (chart data). */
export function perDay(
  slots: readonly InterviewSlot[],
  zone: TimeZone,
  counts: (slot: InterviewSlot) => boolean = () => true,
): { day: string; count: number }[] {
  const days = new Map<string, number>();
  for (const slot of slots) {
    const day = dayIn(slot.startsAt, zone);
    days.set(day, (days.get(day) ?? 0) + (counts(slot) ? 1 : 0));
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => ({ day, count }));
}

export type SlotStanding = 'free' | 'confirmed' | 'awaiting' | 'at-risk';

/** Where a slot stands: free, confirmed, waiting for the local admin, or past `confirmBy` unconfirmed. */
export function slotStanding(slot: InterviewSlot, now: Date): SlotStanding {
  if (slot.proposalId === null) return 'free';
  if (slot.confirmedAt !== null) return 'confirmed';
  if (slot.confirmBy !== null && new Date(slot.confirmBy).getTime() < now.getTime())
    return 'at-risk';
  return 'awaiting';
}

/** A yyyy-mm-dd day as people read it ("1 Juli 2027"). */
export function dayLabel(day: string, locale: Locale): string {
  // Noon UTC falls on the same calendar day in WIB, WITA and WIT.
  return formatDateTime(`${day}T12:00:00Z`, locale, 'WIB', { dateOnly: true });
}
