/** The portal's languages: Bahasa Indonesia first (the default), then English. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

/** A message: plain text, or a function of its parameters for text with values in it. */
export type Message = string | ((...params: never[]) => string);
export type MessageTable = Readonly<Record<string, Message>>;

/** The shape the other language must have: same keys, text for text, same functions. */
export type Translation<M extends MessageTable> = {
  readonly [K in keyof M]: M[K] extends string ? string : M[K];
};

export type Messages<M extends MessageTable> = Readonly<Record<Locale, Translation<M>>>;

/**
 * Declares a feature's messages. The Indonesian table sets the shape; the English one must
 * match it key for key, so a missing or extra translation fails the typecheck.
 */
export function defineMessages<const M extends MessageTable>(messages: {
  readonly id: M;
  readonly en: NoInfer<Translation<M>>;
}): Messages<M> {
  // The Indonesian table is its own translation shape (text widened to string).
  return messages as Messages<M>;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
