import type { Locale } from '../i18n';
import { ApiError } from './api-error';
import { errorMessages } from './messages';

/** Messages a feature adds for its own codes, in both languages. */
export type ErrorCodeMessages = Readonly<Record<string, string>>;

export interface DescribedError {
  readonly message: string;
  readonly code: string | null;
  readonly requestId: string | null;
}

/**
 * The text a person reads for an error: the feature's message for its code, else the
 * common one, else a generic one. Never the server's own (English, technical) message.
 */
export function describeError(
  error: unknown,
  locale: Locale,
  featureCodes: ErrorCodeMessages = {},
): DescribedError {
  const common: Readonly<Record<string, string>> = errorMessages[locale];
  if (!(error instanceof ApiError)) {
    return { message: common.unknown ?? '', code: null, requestId: null };
  }
  const byStatus =
    error.status === 404
      ? common.NOT_FOUND
      : error.status === 429
        ? common.RATE_LIMITED
        : undefined;
  const message =
    featureCodes[error.code] ?? common[error.code] ?? byStatus ?? common.unknown ?? '';
  return { message, code: error.code, requestId: error.requestId };
}
