import type { RateBucket, RateLimitScope } from './rate-limit-buckets';
import type { RateLimitOutcome } from './rate-limit.store';

export interface RateLimitVerdict {
  readonly allowed: boolean;
  /** `RateLimit-*` headers for every answer, refused or not. */
  readonly headers: Readonly<Record<string, string>>;
  /** Why and for how long a refused request must wait. */
  readonly refusal: { readonly scope: RateLimitScope; readonly retryAfterSeconds: number } | null;
}

/**
 * The headers and the refusal for a counted request. `RateLimit-Limit`, `-Remaining` and
 * `-Reset` (seconds) describe the bucket closest to running out; `RateLimit-Policy` lists
 * every budget the request was held to (`max;w=window`). A refusal waits for the last of
 * the spent buckets to reset.
 */
export function rateLimitVerdict(
  buckets: readonly RateBucket[],
  outcome: RateLimitOutcome,
): RateLimitVerdict {
  const states = buckets.map((bucket, i) => {
    const { count, resetMs } = outcome.counts[i] ?? { count: 0, resetMs: 0 };
    return {
      bucket,
      remaining: Math.max(0, bucket.max - count),
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
      spent: count >= bucket.max,
    };
  });
  const tightest = states.reduce<(typeof states)[number] | undefined>(
    (best, state) =>
      best === undefined ||
      state.remaining < best.remaining ||
      (state.remaining === best.remaining && state.resetSeconds > best.resetSeconds)
        ? state
        : best,
    undefined,
  );
  const headers: Record<string, string> = {
    'RateLimit-Policy': buckets.map((b) => `${b.max};w=${b.windowSeconds}`).join(', '),
  };
  if (tightest) {
    headers['RateLimit-Limit'] = String(tightest.bucket.max);
    headers['RateLimit-Remaining'] = String(tightest.remaining);
    headers['RateLimit-Reset'] = String(tightest.resetSeconds);
  }
  if (outcome.allowed) return { allowed: true, headers, refusal: null };

  const longest = states
    .filter((state) => state.spent)
    .reduce<(typeof states)[number] | undefined>(
      (best, state) =>
        best === undefined || state.resetSeconds > best.resetSeconds ? state : best,
      undefined,
    );
  return {
    allowed: false,
    headers,
    refusal: {
      scope: longest?.bucket.scope ?? 'ip',
      retryAfterSeconds: longest?.resetSeconds ?? 1,
    },
  };
}
