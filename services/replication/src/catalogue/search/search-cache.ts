import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { Redis } from 'ioredis';
import { REDIS } from '@kipp/service-kit';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../catalogue.settings';

/** A Redis call slower than this is given up: search answers from the database instead. */
const REDIS_BUDGET_MS = 250;

/**
 * Caches public search answers in Redis under a generation number. Any change to an
 * innovation bumps the generation, so every earlier answer is unreachable at once (and
 * expires by its TTL). Redis is an optimisation only: when it fails or is slow, reads miss
 * and writes are skipped.
 */
@Injectable()
export class SearchCache {
  private readonly logger = new Logger(SearchCache.name);
  private readonly registered = new WeakSet<ClientSession>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
  ) {}

  private get prefix(): string {
    return `replication:${this.settings.database}:search`;
  }

  private get generationKey(): string {
    return `${this.prefix}:generation`;
  }

  /** The cache key of a query in the current generation; null when Redis is unavailable. */
  async keyOf(query: unknown): Promise<string | null> {
    const generation = await this.attempt(() => this.redis.get(this.generationKey));
    if (generation === undefined) return null;
    const hash = createHash('sha256').update(JSON.stringify(query)).digest('hex').slice(0, 32);
    return `${this.prefix}:${generation ?? '0'}:${hash}`;
  }

  async read<T>(key: string): Promise<T | null> {
    const cached = await this.attempt(() => this.redis.get(key));
    return cached ? (JSON.parse(cached) as T) : null;
  }

  async write(key: string, value: unknown): Promise<void> {
    const ttl = this.settings.ttlSeconds;
    if (ttl === 0) return;
    await this.attempt(() => this.redis.set(key, JSON.stringify(value), 'EX', ttl));
  }

  /** Makes every cached answer stale. */
  async invalidate(): Promise<void> {
    await this.attempt(() => this.redis.incr(this.generationKey));
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

  private async attempt<T>(call: () => Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), REDIS_BUDGET_MS);
    });
    try {
      return await Promise.race([call(), timeout]);
    } catch (error) {
      this.logger.warn(`search cache unavailable: ${(error as Error).message}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
