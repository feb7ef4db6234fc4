import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { DEFAULT_LOCALE, isLocale } from './messages';
import type { Locale, MessageTable, Messages, Translation } from './messages';

/** localStorage key of the chosen language. */
export const LOCALE_STORAGE_KEY = 'kipp.locale';

interface I18nState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nState | null>(null);

function storedLocale(storage: Storage | undefined): Locale {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    // Storage may be disabled (private mode, policy): fall back to the default.
    return DEFAULT_LOCALE;
  }
}

/** The language of the whole portal, remembered in localStorage and mirrored on `<html lang>`. */
export function I18nProvider({
  children,
  storage = globalThis.localStorage,
}: {
  children: ReactNode;
  storage?: Storage;
}) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale(storage));

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback(
    (next: Locale) => {
      setLocaleState(next);
      try {
        storage.setItem(LOCALE_STORAGE_KEY, next);
      } catch {
        // Not remembered, but switched for this visit.
      }
    },
    [storage],
  );

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useI18n outside I18nProvider');
  return state;
}

/** A feature's messages in the current language. */
export function useMessages<M extends MessageTable>(messages: Messages<M>): Translation<M> {
  return messages[useI18n().locale];
}
