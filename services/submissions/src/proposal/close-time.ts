/** Indonesia's three time zones, by their offset from UTC in hours. */
export const TIME_ZONES = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type TimeZone = keyof typeof TIME_ZONES;
export const TIME_ZONE_NAMES = Object.keys(TIME_ZONES) as [TimeZone, ...TimeZone[]];

const WITA_PROVINCES = new Set([
  '51',
  '52',
  '53',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
]);
const WIT_PROVINCES = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

/** The zone of a province (BPS code); WIB for the rest and when unknown. */
export function timeZoneOfProvince(provinceCode: string | null): TimeZone {
  if (provinceCode === null) return 'WIB';
  if (WITA_PROVINCES.has(provinceCode)) return 'WITA';
  if (WIT_PROVINCES.has(provinceCode)) return 'WIT';
  return 'WIB';
}

/** e.g. "2027-03-31 23:59:59 WIB". */
export function formatInZone(instant: Date, zone: TimeZone): string {
  const shifted = new Date(instant.getTime() + TIME_ZONES[zone] * 3_600_000);
  return `${shifted.toISOString().slice(0, 19).replace('T', ' ')} ${zone}`;
}
