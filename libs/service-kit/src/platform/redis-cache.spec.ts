import type { Redis } from 'ioredis';
import { RedisCache } from './redis-cache';

function redisWith(get: () => Promise<string | null>): { redis: Redis; set: jest.Mock } {
  const set = jest.fn(() => Promise.resolve('OK'));
  return { redis: { get: jest.fn(get), set } as unknown as Redis, set };
}

describe('RedisCache', () => {
  it('should answer from the cache, and compute and store on a miss', async () => {
    const hit = new RedisCache(redisWith(() => Promise.resolve('{"total":3}')).redis);
    const compute = jest.fn(() => Promise.resolve({ total: 4 }));
    expect(await hit.getOrCompute('k', 60, compute)).toEqual({ total: 3 });
    expect(compute).not.toHaveBeenCalled();

    const { redis, set } = redisWith(() => Promise.resolve(null));
    expect(await new RedisCache(redis).getOrCompute('k', 60, compute)).toEqual({ total: 4 });
    expect(set).toHaveBeenCalledWith('k', '{"total":4}', 'EX', 60);
  });

  it('should compute when Redis fails or does not answer within its budget', async () => {
    const compute = () => Promise.resolve('fresh');
    const failing = new RedisCache(
      redisWith(() => Promise.reject(new Error('ECONNREFUSED'))).redis,
    );
    expect(await failing.getOrCompute('k', 60, compute)).toBe('fresh');
    const hanging = new RedisCache(redisWith(() => new Promise<never>(() => undefined)).redis, 20);
    expect(await hanging.get('k')).toBeUndefined();
    expect(await hanging.getOrCompute('k', 60, compute)).toBe('fresh');
  });

  it('should neither read nor store when the time to live is 0', async () => {
    const { redis, set } = redisWith(() => Promise.resolve('"cached"'));
    expect(await new RedisCache(redis).getOrCompute('k', 0, () => Promise.resolve('x'))).toBe('x');
    expect(set).not.toHaveBeenCalled();
  });
});
