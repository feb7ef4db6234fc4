import type { CalendarEntry, EditionPhase } from './edition-configuration';

/**
 * The phase an edition's calendar puts an instant in: the last phase that has started. In
 * a gap between two phases the edition keeps the phase that ended; before the first phase
 * it is in none (null). Registration's scheduler moves editions by it, and consumers that
 * first hear of an edition use it for the phase until a phase event arrives.
 */
export function scheduledPhaseAt(
  calendar: readonly CalendarEntry[],
  now: Date,
): EditionPhase | null {
  let current: CalendarEntry | null = null;
  for (const entry of calendar) {
    const startsAt = Date.parse(entry.startsAt);
    if (startsAt <= now.getTime() && (!current || startsAt >= Date.parse(current.startsAt))) {
      current = entry;
    }
  }
  return current?.phase ?? null;
}
