export { I18nProvider, LOCALE_STORAGE_KEY, useI18n, useMessages } from './i18n';
export { DEFAULT_LOCALE, LOCALES, defineMessages, isLocale } from './messages';
export type { Locale, Message, MessageTable, Messages, Translation } from './messages';
export { formatNumber, localeTag } from './format';
