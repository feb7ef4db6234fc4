import { TIME_ZONE_OFFSET_HOURS, type TimeZone } from '@kipp/contracts';

export interface SlotDay {
  /** YYYY-MM-DD in the given time zone. */
  date: string;
  /** HH:mm, local. */
  start: string;
  /** HH:mm, local; the last slot ends at or before it. */
  end: string;
  timeZone: TimeZone;
}

export interface GeneratedSlot {
  slotId: string;
  room: number;
  startsAt: Date;
  endsAt: Date;
}

/** The UTC instant of a local date and time in an Indonesian zone. */
export function toInstant(date: string, time: string, timeZone: TimeZone): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(
    Date.UTC(year, month - 1, day, hours - TIME_ZONE_OFFSET_HOURS[timeZone], minutes),
  );
}

function compact(instant: Date): string {
  return instant.toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

/**
 * Back-to-back slots of `slotMinutes` per room from each day's start; a slot that would run
 * past the day's end is not made. Ids derive from the edition, start and room, so
 * generating the same day again yields the same slots.
 */
export function generateSlots(
  editionId: string,
  days: readonly SlotDay[],
  slotMinutes: number,
  rooms: number,
): GeneratedSlot[] {
  const slots: GeneratedSlot[] = [];
  const length = slotMinutes * 60_000;
  for (const day of days) {
    const dayEnd = toInstant(day.date, day.end, day.timeZone).getTime();
    for (
      let start = toInstant(day.date, day.start, day.timeZone).getTime();
      start + length <= dayEnd;
      start += length
    ) {
      for (let room = 1; room <= rooms; room += 1) {
        const startsAt = new Date(start);
        slots.push({
          slotId: `slot_${editionId}_${compact(startsAt)}_r${room}`,
          room,
          startsAt,
          endsAt: new Date(start + length),
        });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.room - b.room);
}

/** When the local admin must have confirmed a slot starting at `startsAt`. */
export function confirmByOf(startsAt: Date, leadHours: number): Date {
  return new Date(startsAt.getTime() - leadHours * 3_600_000);
}
