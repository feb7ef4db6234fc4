/** Indonesia's three time zones; none keeps daylight saving. */
export const TIME_ZONES = ['WIB', 'WITA', 'WIT'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** Hours ahead of UTC. */
export const TIME_ZONE_OFFSET_HOURS: Readonly<Record<TimeZone, number>> = {
  WIB: 7,
  WITA: 8,
  WIT: 9,
};

/** ISO-8601 offsets, as instants are written in a zone. */
export const TIME_ZONE_OFFSET: Readonly<Record<TimeZone, string>> = {
  WIB: '+07:00',
  WITA: '+08:00',
  WIT: '+09:00',
};

/** IANA names, for `Intl.DateTimeFormat`. */
export const TIME_ZONE_IANA: Readonly<Record<TimeZone, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};
