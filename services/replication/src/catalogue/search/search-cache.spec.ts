import type { Redis } from 'ioredis';
import type { CatalogueSettings } from '../catalogue.settings';
import { SearchCache } from './search-cache';

const settings: CatalogueSettings = {
  database: 'replication_t',
  ttlSeconds: 60,
  licence: 'CC-BY-4.0',
};

function fakeRedis(overrides: Partial<Record<'get' | 'set' | 'incr', jest.Mock>> = {}): Redis {
  const store = new Map<string, string>();
  return {
    get: jest.fn((key: string) => Promise.resolve(store.get(key) ?? null)),
    set: jest.fn((key: string, value: string) => {
      store.set(key, value);
      return Promise.resolve('OK');
    }),
    incr: jest.fn((key: string) => {
      const next = Number(store.get(key) ?? '0') + 1;
      store.set(key, String(next));
      return Promise.resolve(next);
    }),
    ...overrides,
  } as unknown as Redis;
}

describe('SearchCache', () => {
  it('should key answers by generation so an invalidation hides every earlier answer', async () => {
    const cache = new SearchCache(fakeRedis(), settings);
    const key = await cache.keyOf({ q: 'sampah' });
    expect(key).toMatch(/^replication:replication_t:search:0:[0-9a-f]{32}$/);
    await cache.write(key as string, { total: 1 });
    expect(await cache.read(key as string)).toEqual({ total: 1 });

    await cache.invalidate();
    const after = await cache.keyOf({ q: 'sampah' });
    expect(after).toMatch(/^replication:replication_t:search:1:/);
    expect(await cache.read(after as string)).toBeNull();
  });

  it('should answer "no key" when Redis fails, so search goes to the database', async () => {
    const failing = jest.fn(() => Promise.reject(new Error('ECONNREFUSED')));
    const cache = new SearchCache(fakeRedis({ get: failing, incr: failing }), settings);
    expect(await cache.keyOf({ q: 'x' })).toBeNull();
    await expect(cache.invalidate()).resolves.toBeUndefined();
  });

  it('should give up on a Redis that does not answer', async () => {
    const hanging = jest.fn(() => new Promise<never>(() => undefined));
    const cache = new SearchCache(fakeRedis({ get: hanging }), settings);
    expect(await cache.keyOf({ q: 'x' })).toBeNull();
  });
});
