import { TIME_ZONE_IANA, TIME_ZONE_OFFSET_HOURS, TIME_ZONES, type TimeZone } from '@kipp/contracts';
import { localeTag, useI18n, type Locale } from '../i18n';

export type { TimeZone };

/**
 * The Indonesian zone the browser's clock keeps (by its UTC offset now), WIB otherwise:
 * the zone people read times in when the page knows nothing better.
 */
export function browserZone(now: Date = new Date()): TimeZone {
  const offsetHours = -now.getTimezoneOffset() / 60;
  return TIME_ZONES.find((zone) => TIME_ZONE_OFFSET_HOURS[zone] === offsetHours) ?? 'WIB';
}

/** An instant as people in one of Indonesia's zones read it, e.g. "31 Mei 2027 16.00 WIB". */
export function formatDateTime(
  value: string | Date,
  locale: Locale,
  zone: TimeZone = 'WIB',
  options: { dateOnly?: boolean } = {},
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const text = new Intl.DateTimeFormat(localeTag(locale), {
    timeZone: TIME_ZONE_IANA[zone],
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(options.dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  }).format(date);
  return options.dateOnly ? text : `${text} ${zone}`;
}

/** A `<time>` element in the person's language and the given zone (the browser's, else WIB). */
export function DateTime({
  value,
  zone = browserZone(),
  dateOnly = false,
}: {
  value: string | Date;
  zone?: TimeZone;
  dateOnly?: boolean;
}) {
  const { locale } = useI18n();
  const iso = typeof value === 'string' ? value : value.toISOString();
  return <time dateTime={iso}>{formatDateTime(value, locale, zone, { dateOnly })}</time>;
}
