import type { Locale } from './messages';

/** BCP 47 tags for Intl: Indonesian as written in Indonesia, English as well. */
export function localeTag(locale: Locale): string {
  return locale === 'id' ? 'id-ID' : 'en-GB';
}

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits }).format(value);
}
