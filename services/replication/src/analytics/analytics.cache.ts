import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS, RedisCache } from '@kipp/service-kit';
import { ANALYTICS_OPTIONS, type AnalyticsOptions } from './analytics.options';

/**
 * A short-lived Redis cache of the public figures (`replication:{db}:analytics:{key}`). No
 * event invalidates it: the figures are allowed to lag by the TTL; 0 turns it off. Without
 * Redis the figures are computed every time.
 */
@Injectable()
export class AnalyticsCache {
  private readonly cache: RedisCache;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(ANALYTICS_OPTIONS) private readonly options: AnalyticsOptions,
  ) {
    this.cache = new RedisCache(redis);
  }

  getOrCompute<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return this.cache.getOrCompute(
      `replication:${this.options.database}:analytics:${key}`,
      this.options.cacheTtlSeconds,
      compute,
    );
  }
}
