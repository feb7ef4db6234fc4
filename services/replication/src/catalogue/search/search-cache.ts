import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { Redis } from 'ioredis';
import { REDIS, RedisCache } from '@kipp/service-kit';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../catalogue.settings';

/**
 * Caches public search answers in Redis under a generation number. Any change to an
 * innovation bumps the generation, so every earlier answer is unreachable at once (and
 * expires by its TTL). Redis is an optimisation only: when it fails or is slow, reads miss
 * and writes are skipped.
 */
@Injectable()
export class SearchCache {
  private readonly registered = new WeakSet<ClientSession>();
  private readonly cache: RedisCache;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
  ) {
    this.cache = new RedisCache(redis);
  }

  private get prefix(): string {
    return `replication:${this.settings.database}:search`;
  }

  private get generationKey(): string {
    return `${this.prefix}:generation`;
  }

  /** The cache key of a query in the current generation; null when Redis is unavailable. */
  async keyOf(query: unknown): Promise<string | null> {
    const generation = await this.cache.getRaw(this.generationKey);
    if (generation === undefined) return null;
    const hash = createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 32);
    return `${this.prefix}:${generation ?? '0'}:${hash}`;
  }

  async read<T>(key: string): Promise<T | null> {
    return (await this.cache.get<T>(key)) ?? null;
  }

  async write(key: string, value: unknown): Promise<void> {
    await this.cache.set(key, value, this.settings.ttlSeconds);
  }

  /** Makes every cached answer stale. */
  async invalidate(): Promise<void> {
    await this.cache.increment(this.generationKey);
  }

  /**
   * Invalidates once the event's transaction is over: bumping before the commit would let
   * a search in between cache the old state under the new generation. The session ends
   * right after the commit (or an abort, where a spare bump costs only a cache miss).
   */
  invalidateAfter(session: ClientSession): void {
    if (this.registered.has(session)) return;
    this.registered.add(session);
    session.once('ended', () => {
      void this.invalidate();
    });
  }
}
