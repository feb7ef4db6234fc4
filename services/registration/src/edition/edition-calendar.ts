import {
  TIME_ZONE_OFFSET,
  TIME_ZONE_OFFSET_HOURS,
  type EditionConfiguration,
  type TimeZone,
} from '@kipp/contracts';

export type EditionPhase = EditionConfiguration['calendar'][number]['phase'];
export type CalendarEntry = EditionConfiguration['calendar'][number];

/** Offsets an instant may be written with: UTC or one of the Indonesian zones. */
export const ACCEPTED_OFFSETS = ['Z', '+00:00', ...Object.values(TIME_ZONE_OFFSET)];

export { scheduledPhaseAt } from '@kipp/contracts';

/** The next instant after `now` at which the scheduled phase changes (a phase start), if any. */
export function nextBoundaryAfter(calendar: readonly CalendarEntry[], now: Date): Date | null {
  const upcoming = calendar
    .map((entry) => Date.parse(entry.startsAt))
    .filter((startsAt) => startsAt > now.getTime());
  return upcoming.length > 0 ? new Date(Math.min(...upcoming)) : null;
}

/** An instant with any offset, as UTC ISO-8601 (`…Z`). */
export function toUtcInstant(instant: string): string {
  return new Date(instant).toISOString();
}

/** An instant rendered in an Indonesian zone: ISO-8601 with that zone's offset. */
export function renderInZone(instant: string, zone: TimeZone): string {
  const shifted = new Date(Date.parse(instant) + TIME_ZONE_OFFSET_HOURS[zone] * 3_600_000);
  return `${shifted.toISOString().slice(0, -1)}${TIME_ZONE_OFFSET[zone]}`;
}

/**
 * Moves a calendar by whole years (cloning last year's edition): same date and time of day.
 * 29 February of a year that becomes a common year lands on 1 March.
 */
export function shiftCalendarByYears(
  calendar: readonly CalendarEntry[],
  years: number,
): CalendarEntry[] {
  const shift = (instant: string): string => {
    const date = new Date(instant);
    date.setUTCFullYear(date.getUTCFullYear() + years);
    return date.toISOString();
  };
  return calendar.map((entry) => ({
    ...entry,
    startsAt: shift(entry.startsAt),
    endsAt: shift(entry.endsAt),
  }));
}
