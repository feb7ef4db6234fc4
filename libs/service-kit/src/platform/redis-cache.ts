import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** A Redis call slower than this is given up by default: the caller computes instead. */
export const REDIS_CACHE_BUDGET_MS = 250;

/**
 * Redis as a cache of JSON values: an optimisation only. A call that fails, or takes longer
 * than its budget (Redis restarting, say, when the client queues commands until it is
 * back), counts as a miss or a skipped write, never as an error of the request.
 */
export class RedisCache {
  private readonly logger = new Logger(RedisCache.name);

  constructor(
    private readonly redis: Redis,
    private readonly budgetMs = REDIS_CACHE_BUDGET_MS,
  ) {}

  /** The cached value; null when absent, undefined when Redis is unavailable. */
  async get<T>(key: string): Promise<T | null | undefined> {
    const cached = await this.attempt(() => this.redis.get(key));
    if (cached === undefined) return undefined;
    return cached === null ? null : (JSON.parse(cached) as T);
  }

  /** Stores a value for `ttlSeconds`; 0 stores nothing. */
  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    if (ttlSeconds === 0) return;
    await this.attempt(() => this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds));
  }

  /** The cached value, or `compute()` stored for `ttlSeconds` (0: always computed). */
  async getOrCompute<T>(key: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
    if (ttlSeconds === 0) return compute();
    const cached = await this.get<T>(key);
    if (cached !== null && cached !== undefined) return cached;
    const value = await compute();
    await this.set(key, value, ttlSeconds);
    return value;
  }

  /** A raw string value (a generation counter, say); undefined when Redis is unavailable. */
  async getRaw(key: string): Promise<string | null | undefined> {
    return this.attempt(() => this.redis.get(key));
  }

  async increment(key: string): Promise<void> {
    await this.attempt(() => this.redis.incr(key));
  }

  private async attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), this.budgetMs);
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (error) {
      this.logger.warn(`cache unavailable: ${(error as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
