import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, RedisRateLimiter } from '@kipp/service-kit';
import { TooManyAttemptsError } from './session.errors';
import { SESSION_SETTINGS, type SessionSettings } from './session.settings';

export type RateLimitedAction = 'signin' | 'reset';

/**
 * Fixed-window attempt counter per client IP in Redis, shared by every replica. It slows
 * password spraying across many accounts, which the per-account lockout cannot see.
 */
@Injectable()
export class IpRateLimiter {
  private readonly limiters: Readonly<Record<RateLimitedAction, RedisRateLimiter>>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(SESSION_SETTINGS) settings: SessionSettings) {
    const limiter = (action: RateLimitedAction) =>
      new RedisRateLimiter(redis, {
        keyPrefix: `registration:${action}-ip:`,
        limit: settings.ipAttemptLimit,
        windowSeconds: settings.ipWindowSeconds,
      });
    this.limiters = { signin: limiter('signin'), reset: limiter('reset') };
  }

  /** Counts one attempt from `ip`; throws 429 once the window's allowance is spent. */
  async consume(action: RateLimitedAction, ip: string): Promise<void> {
    const { allowed, retryAfterSeconds } = await this.limiters[action].consume(ip);
    if (!allowed) throw new TooManyAttemptsError(retryAfterSeconds);
  }
}
