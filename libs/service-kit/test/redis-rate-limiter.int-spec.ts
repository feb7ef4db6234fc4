import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimiter } from '../src';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:16379';

describe('RedisRateLimiter', () => {
  let redis: Redis;
  const keyPrefix = `test:rate-${randomBytes(4).toString('hex')}:`;

  beforeAll(() => {
    redis = new Redis(redisUrl);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('should allow `limit` attempts per key and window, then refuse with the time left', async () => {
    const limiter = new RedisRateLimiter(redis, { keyPrefix, limit: 2, windowSeconds: 60 });

    expect(await limiter.consume('1.2.3.4')).toMatchObject({ allowed: true, attempts: 1 });
    expect(await limiter.consume('1.2.3.4')).toMatchObject({ allowed: true, attempts: 2 });
    const refused = await limiter.consume('1.2.3.4');
    expect(refused).toMatchObject({ allowed: false, attempts: 3 });
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await limiter.consume('5.6.7.8')).toMatchObject({ allowed: true, attempts: 1 });
  });

  it('should keep the window fixed from the first attempt', async () => {
    const limiter = new RedisRateLimiter(redis, { keyPrefix, limit: 5, windowSeconds: 60 });
    await limiter.consume('fixed');
    await redis.expire(limiter.keyOf('fixed'), 10);
    await limiter.consume('fixed');

    expect(await redis.ttl(limiter.keyOf('fixed'))).toBeLessThanOrEqual(10);
  });

  it('should start a new window once the old one expires', async () => {
    const limiter = new RedisRateLimiter(redis, { keyPrefix, limit: 1, windowSeconds: 60 });
    await limiter.consume('expired');
    expect((await limiter.consume('expired')).allowed).toBe(false);
    await redis.del(limiter.keyOf('expired'));

    expect(await limiter.consume('expired')).toMatchObject({ allowed: true, attempts: 1 });
  });
});
