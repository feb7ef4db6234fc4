import type { ErrorCodeMessages } from './describe-error';

/**
 * The error-code entries of a feature's message table (keys such as `EDITION_NOT_FOUND`
 * whose text is plain), for `<ErrorAlert codes={…}>`; the table's other texts are left out.
 */
export function codeMessages(table: Readonly<Record<string, unknown>>): ErrorCodeMessages {
  const codes: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (/^[A-Z][A-Z0-9_]+$/.test(key) && typeof value === 'string') codes[key] = value;
  }
  return codes;
}
