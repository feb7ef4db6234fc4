import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@kipp/service-kit';
import { ANALYTICS_OPTIONS, type AnalyticsOptions } from './analytics.options';

/**
 * A short-lived Redis cache of the public figures (`replication:{db}:analytics:{key}`). No
 * event invalidates it: the figures are allowed to lag by the TTL; 0 turns it off.
 */
@Injectable()
export class AnalyticsCache {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(ANALYTICS_OPTIONS) private readonly options: AnalyticsOptions,
  ) {}

  async getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const ttl = this.options.cacheTtlSeconds;
    if (ttl === 0) return compute();
    const redisKey = `replication:${this.options.database}:analytics:${key}`;
    const cached = await this.redis.get(redisKey);
    if (cached !== null) return JSON.parse(cached) as T;
    const value = await compute();
    await this.redis.set(redisKey, JSON.stringify(value), 'EX', ttl);
    return value;
  }
}
