import { TIME_ZONE_OFFSET_HOURS, type TimeZone } from '@kipp/contracts';

/** e.g. "2027-03-31 23:59:59 WIB". */
export function formatInZone(instant: Date, zone: TimeZone): string {
  const shifted = new Date(instant.getTime() + TIME_ZONE_OFFSET_HOURS[zone] * 3_600_000);
  return `${shifted.toISOString().slice(0, 19).replace('T', ' ')} ${zone}`;
}
