import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, RedisRateLimiter } from '@kipp/service-kit';
import { ObjectionRateLimitedError } from './objection.errors';

export const OBJECTION_RATE_OPTIONS = Symbol('ObjectionRateOptions');

export interface ObjectionRateOptions {
  /** Objections one IP may file per window. */
  limit: number;
  windowSeconds: number;
}

const KEY_PREFIX = 'evaluation:objection-rate:';

export const objectionRateKey = (ip: string): string => `${KEY_PREFIX}${ip}`;

/**
 * A fixed window per IP in Redis, shared by every replica: the first attempt in a window
 * starts its clock. Every attempt counts, refused ones included, so a script cannot probe
 * the form for free.
 */
@Injectable()
export class ObjectionRateLimiter {
  private readonly limiter: RedisRateLimiter;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(OBJECTION_RATE_OPTIONS) options: ObjectionRateOptions,
  ) {
    this.limiter = new RedisRateLimiter(redis, { keyPrefix: KEY_PREFIX, ...options });
  }

  async consume(ip: string): Promise<void> {
    const { allowed, retryAfterSeconds } = await this.limiter.consume(ip);
    if (!allowed) throw new ObjectionRateLimitedError(retryAfterSeconds);
  }
}
