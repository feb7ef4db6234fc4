import type { EditionConfiguration } from '@kipp/contracts';

export type EditionPhase = EditionConfiguration['calendar'][number]['phase'];
export type CalendarEntry = EditionConfiguration['calendar'][number];

/** The Indonesian time zones the portal enters and shows instants in (no daylight saving). */
export const TIME_ZONES = {
  WIB: { offset: '+07:00', minutes: 7 * 60 },
  WITA: { offset: '+08:00', minutes: 8 * 60 },
  WIT: { offset: '+09:00', minutes: 9 * 60 },
} as const;
export type TimeZoneLabel = keyof typeof TIME_ZONES;
export const TIME_ZONE_LABELS = Object.keys(TIME_ZONES) as [TimeZoneLabel, ...TimeZoneLabel[]];

/** Offsets an instant may be written with: UTC or one of the Indonesian zones. */
export const ACCEPTED_OFFSETS = ['Z', '+00:00', ...Object.values(TIME_ZONES).map((z) => z.offset)];

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
export function renderInZone(instant: string, zone: TimeZoneLabel): string {
  const { offset, minutes } = TIME_ZONES[zone];
  const shifted = new Date(Date.parse(instant) + minutes * 60_000).toISOString();
  return `${shifted.slice(0, -1)}${offset}`;
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
