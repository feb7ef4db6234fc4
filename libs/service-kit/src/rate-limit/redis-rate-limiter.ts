import type { Redis } from 'ioredis';

export interface RedisRateLimiterOptions {
  /** Prepended to every key, e.g. `evaluation:verify-rate:` (Redis keys `<service>:<purpose>:<id>`). */
  keyPrefix: string;
  /** Attempts allowed per key and window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  attempts: number;
  /** Seconds until the window ends (what a 429 answers as `Retry-After`). */
  retryAfterSeconds: number;
}

/**
 * A fixed window per key in Redis, shared by every replica: the first attempt starts the
 * window's clock, and every attempt counts, refused ones included.
 */
export class RedisRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisRateLimiterOptions,
  ) {}

  keyOf(id: string): string {
    return `${this.options.keyPrefix}${id}`;
  }

  /** Counts one attempt for `id` and says whether it is within the window's allowance. */
  async consume(id: string): Promise<RateLimitDecision> {
    const key = this.keyOf(id);
    const { limit, windowSeconds } = this.options;
    // NX: only the attempt that creates the key sets its expiry, so the window stays fixed.
    const results = await this.redis
      .multi()
      .incr(key)
      .expire(key, windowSeconds, 'NX')
      .ttl(key)
      .exec();
    const attempts = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? -1);
    return {
      allowed: attempts <= limit,
      attempts,
      retryAfterSeconds: ttl > 0 ? ttl : windowSeconds,
    };
  }
}
