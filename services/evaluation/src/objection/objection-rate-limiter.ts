import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@kipp/service-kit';
import { ObjectionRateLimitedError } from './objection.errors';

export const OBJECTION_RATE_OPTIONS = Symbol('ObjectionRateOptions');

export interface ObjectionRateOptions {
  /** Objections one IP may file per window. */
  limit: number;
  windowSeconds: number;
}

export const objectionRateKey = (ip: string): string => `evaluation:objection-rate:${ip}`;

/**
 * A fixed window per IP in Redis, shared by every replica: the first attempt in a window
 * starts its clock. Every attempt counts, refused ones included, so a script cannot probe
 * the form for free.
 */
@Injectable()
export class ObjectionRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(OBJECTION_RATE_OPTIONS) private readonly options: ObjectionRateOptions,
  ) {}

  async consume(ip: string): Promise<void> {
    const key = objectionRateKey(ip);
    // The window starts with the first attempt (SET NX EX), later ones only count.
    const results = await this.redis
      .multi()
      .set(key, 0, 'EX', this.options.windowSeconds, 'NX')
      .incr(key)
      .ttl(key)
      .exec();
    const count = Number(results?.[1]?.[1] ?? 0);
    const ttl = Number(results?.[2]?.[1] ?? -1);
    if (count > this.options.limit) {
      throw new ObjectionRateLimitedError(ttl > 0 ? ttl : this.options.windowSeconds);
    }
  }
}
