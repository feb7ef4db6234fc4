/** Keys whose values never reach a log line, wherever they appear. */
export const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'secret',
  'clientSecret',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
] as const;

/**
 * pino redacts by path, not by key name, so each key is listed at every depth down to
 * `MAX_DEPTH` levels below the root (`req.headers.authorization` is depth 2).
 */
const MAX_DEPTH = 4;

export const REDACT_CENSOR = '[REDACTED]';

export function secretRedactionPaths(keys: readonly string[] = SECRET_KEYS): string[] {
  return keys.flatMap((key) =>
    Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => redactionPath(depth, key)),
  );
}

function redactionPath(depth: number, key: string): string {
  const wildcards = Array.from({ length: depth }, () => '*').join('.');
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) {
    return `${wildcards}["${key}"]`;
  }
  return wildcards === '' ? key : `${wildcards}.${key}`;
}
