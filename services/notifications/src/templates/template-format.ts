import { TIME_ZONE_IANA, type TimeZone } from '@kipp/contracts';
import type { AwardTier, Locale, Role } from '../notification/contract-types';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>;

const instantFormats = new Map<string, Intl.DateTimeFormat>();

function instantFormat(locale: Locale, timeZone: TimeZone): Intl.DateTimeFormat {
  const key = `${locale}:${timeZone}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
      timeZone: TIME_ZONE_IANA[timeZone],
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(key, format);
  }
  return format;
}

/**
 * An instant (ISO-8601) in the recipient's time zone, named: "31 Maret 2027 pukul 23.59 WIB",
 * "31 March 2027, 23:59 WIB".
 */
export function formatInstant(iso: string, locale: Locale, timeZone: TimeZone): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`not an instant: ${iso}`);
  const parts = Object.fromEntries(
    instantFormat(locale, timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const { day, month, year, hour, minute } = parts;
  return locale === 'id'
    ? `${day} ${month} ${year} pukul ${hour}.${minute} ${timeZone}`
    : `${day} ${month} ${year}, ${hour}:${minute} ${timeZone}`;
}

const THRESHOLD_UNITS: Labels<'m' | 'h' | 'd'> = {
  m: { id: 'menit', en: 'minute' },
  h: { id: 'jam', en: 'hour' },
  d: { id: 'hari', en: 'day' },
};

/** A reminder threshold such as `7d` or `3h` in words: "7 hari lagi", "in 7 days". */
export function formatThreshold(threshold: string, locale: Locale): string {
  const match = /^(\d+)([mhd])$/.exec(threshold);
  if (!match) return threshold;
  const amount = Number(match[1]);
  const unit = THRESHOLD_UNITS[match[2] as 'm' | 'h' | 'd'][locale];
  return locale === 'id'
    ? `${amount} ${unit} lagi`
    : `in ${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(value);
}

/** "a, b dan c" / "a, b and c". */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    style: 'long',
    type: 'conjunction',
  }).format(items);
}

export const ROLE_LABELS: Labels<Role> = {
  national_admin: {
    id: 'Admin Nasional (Sekretariat KIPP)',
    en: 'national admin (KIPP Secretariat)',
  },
  local_admin: { id: 'Admin Lokal', en: 'local admin' },
  unit_operator: { id: 'Operator Unit Pelayanan', en: 'service unit operator' },
  evaluator: { id: 'Evaluator (Tim Evaluasi)', en: 'evaluator (Evaluation Team)' },
  panelist: { id: 'Panelis (Tim Panel Independen)', en: 'panelist (Independent Panel)' },
};

export const TIER_LABELS: Labels<AwardTier> = {
  finalist: { id: 'Finalis Top 99', en: 'Top 99 finalist' },
  top: { id: 'Top 45', en: 'Top 45' },
  outstanding: { id: 'Terpuji', en: 'Outstanding' },
  'replication-top': { id: 'Top 5 Replikasi', en: 'Top 5 replication' },
};

export const STAGE_LABELS: Labels<'desk' | 'shortlist' | 'finalists' | 'final'> = {
  desk: { id: 'evaluasi desk', en: 'desk evaluation' },
  shortlist: { id: 'seleksi daftar pendek (shortlist)', en: 'shortlist' },
  finalists: { id: 'penetapan finalis', en: 'finalist selection' },
  final: { id: 'penilaian akhir', en: 'final evaluation' },
};

export const CHECK_LABELS: Labels<string> = {
  'innovation-age': { id: 'Usia inovasi', en: 'Innovation age' },
  completeness: { id: 'Kelengkapan dokumen', en: 'Completeness' },
  'careless-answers': { id: 'Kesungguhan jawaban', en: 'Careless answers' },
  'duplicate-title': { id: 'Kesamaan judul', en: 'Duplicate title' },
  'prior-awards': { id: 'Riwayat penghargaan', en: 'Prior awards' },
};

/** A label from a table, or the key itself when the table does not know it. */
export function labelOf(labels: Labels<string>, key: string, locale: Locale): string {
  return Object.hasOwn(labels, key) ? (labels[key]?.[locale] ?? key) : key;
}
