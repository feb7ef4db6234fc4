import type { PhaseWindow } from '../edition/evaluated-edition';
import type { ObjectionWindowInWib } from './objection.errors';

/** WIB is UTC+7 all year (Indonesia has no daylight saving). */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2027-06-03 10:00 WIB`: how the public reads the window. */
export function formatWib(instant: Date): string {
  const wib = new Date(instant.getTime() + WIB_OFFSET_MS).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 16)} WIB`;
}

export function windowInWib(window: PhaseWindow | null): ObjectionWindowInWib | null {
  return window ? { startsAt: formatWib(window.startsAt), endsAt: formatWib(window.endsAt) } : null;
}
