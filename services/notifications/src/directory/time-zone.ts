/** Indonesia's three time zones and their offsets from UTC (no daylight saving). */
export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export const TIME_ZONE_OFFSET_HOURS: Readonly<Record<TimeZone, number>> = {
  WIB: 7,
  WITA: 8,
  WIT: 9,
};

/** IANA names, for `Intl.DateTimeFormat`. */
export const TIME_ZONE_IANA: Readonly<Record<TimeZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/**
 * Provinces by BPS code outside WIB: Bali and Nusa Tenggara, South, East and North
 * Kalimantan and all of Sulawesi keep WITA; Maluku and the Papua provinces keep WIT.
 */
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

/**
 * The time zone of a province (BPS code, or a longer region code that starts with it).
 * Central institutions (no province) and unknown codes keep WIB, the capital's.
 */
export function timeZoneOfProvince(provinceCode: string | null | undefined): TimeZone {
  const province = provinceCode?.slice(0, 2);
  if (province && WIT_PROVINCES.has(province)) return 'WIT';
  if (province && WITA_PROVINCES.has(province)) return 'WITA';
  return 'WIB';
}
