import { z } from 'zod';

// Environment values are always strings; each builder parses one into the type the
// service wants and explains a rejection in words an operator can act on.

/** A non-empty string, trimmed. */
export function envString() {
  return z.string().trim().min(1, 'must not be blank');
}

/** A base-10 integer within optional bounds. */
export function envInt(bounds: { min?: number; max?: number } = {}) {
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
}

/** A TCP port; 0 asks the OS for a free one, which tests use. */
export function envPort() {
  return envInt({ min: 0, max: 65_535 });
}

/** `true`/`false` or `1`/`0`, case-insensitive. */
export function envBool() {
  return z.stringbool({
    truthy: ['true', '1'],
    falsy: ['false', '0'],
    error: 'must be true, false, 1 or 0',
  });
}

const DURATION_UNITS_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** A duration in milliseconds: `1500` (plain milliseconds), `500ms`, `10s`, `5m` or `1h`. */
export function envDuration() {
  return z
    .string()
    .trim()
    .regex(/^\d+(ms|s|m|h)?$/, 'must be a duration such as 1500, 500ms, 10s, 5m or 1h')
    .transform((value) => {
      const amount = Number.parseInt(value, 10);
      const unit = (/(ms|s|m|h)$/.exec(value)?.[1] ?? 'ms') as keyof typeof DURATION_UNITS_MS;
      return amount * DURATION_UNITS_MS[unit];
    });
}

/** A comma-separated list; items are trimmed and empty items dropped. */
export function envList(options: { min?: number } = {}) {
  const { min = 1 } = options;
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0),
    )
    .pipe(z.array(z.string()).min(min, `must list at least ${min} comma-separated value(s)`));
}

/**
 * A connection URI with one of the given schemes. Deliberately not `z.url()`: WHATWG URL
 * parsing rejects valid multi-host URIs such as `mongodb://a:27017,b:27017/`.
 */
export function envUri(schemes: readonly [string, ...string[]]) {
  const prefixes = schemes.map((scheme) => `${scheme}://`);
  return envString().refine(
    (value) => prefixes.some((prefix) => value.startsWith(prefix) && value.length > prefix.length),
    `must be a URI starting with ${prefixes.join(' or ')}`,
  );
}

/** One of a fixed set of values. */
export function envEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A 256-bit key, base64 (e.g. `openssl rand -base64 32`). */
export function envSealingKey() {
  return envString().refine(
    (value) => Buffer.from(value, 'base64').length === 32,
    'must be 32 bytes, base64 (e.g. `openssl rand -base64 32`)',
  );
}

/**
 * The development default of the key that seals password-reset links between registration
 * and notifications. Public on purpose (it is in the repository): a production start with
 * it refuses to run.
 */
export const DEVELOPMENT_ONLY_RESET_SEALING_KEY = Buffer.from(
  'kipp-development-only-not-secret',
).toString('base64');
