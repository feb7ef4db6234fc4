import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@kipp/service-kit';
import { TooManyAttemptsError } from './session.errors';
import { SESSION_SETTINGS, type SessionSettings } from './session.settings';

export type RateLimitedAction = 'signin' | 'reset';

/**
 * Fixed-window attempt counter per client IP in Redis, shared by every replica. It slows
 * password spraying across many accounts, which the per-account lockout cannot see.
 */
@Injectable()
export class IpRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  /** Counts one attempt from `ip`; throws 429 once the window's allowance is spent. */
  async consume(action: RateLimitedAction, ip: string): Promise<void> {
    const key = `registration:${action}-ip:${ip}`;
    const { ipAttemptLimit, ipWindowSeconds } = this.settings;
    const results = await this.redis
      .multi()
      .incr(key)
      .expire(key, ipWindowSeconds, 'NX')
      .ttl(key)
      .exec();
    const attempts = Number(results?.[0]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? ipWindowSeconds);
    if (attempts > ipAttemptLimit) {
      throw new TooManyAttemptsError(ttl > 0 ? ttl : ipWindowSeconds);
    }
  }
}
