import type { EditionConfiguration } from '@kipp/contracts';
import type { ObjectionWindowInWib } from './objection.errors';

/** WIB is UTC+7 all year (Indonesia has no daylight saving). */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface ObjectionWindow {
  startsAt: Date;
  endsAt: Date;
}

/** The edition's `objection` phase from its calendar; null when the calendar has none. */
export function objectionWindowOf(configuration: EditionConfiguration): ObjectionWindow | null {
  const entry = configuration.calendar.find((c) => c.phase === 'objection');
  return entry ? { startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt) } : null;
}

/** `2027-06-03 10:00 WIB`: how the public reads the window. */
export function formatWib(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 16)} WIB`;
}

export function windowInWib(window: ObjectionWindow | null): ObjectionWindowInWib | null {
  return window ? { startsAt: formatWib(window.startsAt), endsAt: formatWib(window.endsAt) } : null;
}
