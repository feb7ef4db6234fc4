import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import {
  healthCheck,
  mongoHealthCheck,
  redisHealthCheck,
  type HealthCheckFn,
} from './health-checks';

// What Nest does with a factory: resolve `inject`, call `useFactory` with the results.
function build(factory: { useFactory: (...deps: never[]) => HealthCheckFn }, ...deps: unknown[]) {
  return (factory.useFactory as (...args: unknown[]) => HealthCheckFn)(...deps);
}

describe('health checks', () => {
  describe('healthCheck', () => {
    it('should wrap a plain function under the given name', async () => {
      const factory = healthCheck('kafka', () => Promise.reject(new Error('no brokers')));

      expect(factory.name).toBe('kafka');
      await expect(build(factory)()).rejects.toThrow('no brokers');
    });
  });

  describe('mongoHealthCheck', () => {
    it('should inject the default @nestjs/mongoose connection', () => {
      expect(mongoHealthCheck()).toMatchObject({ name: 'mongo', inject: ['DatabaseConnection'] });
    });

    it('should ping the database when the connection is open', async () => {
      const ping = jest.fn(() => Promise.resolve({ ok: 1 }));
      const connection = {
        readyState: 1,
        db: { admin: () => ({ ping }) },
      } as unknown as Connection;

      await build(mongoHealthCheck(), connection)();

      expect(ping).toHaveBeenCalledTimes(1);
    });

    it('should fail naming the state when the connection is not open', async () => {
      const connection = { readyState: 2, db: undefined } as unknown as Connection;

      await expect(build(mongoHealthCheck(), connection)()).rejects.toThrow(
        'not connected (connecting)',
      );
    });
  });

  describe('redisHealthCheck', () => {
    it('should inject the client under the given token and ping it', async () => {
      const ping = jest.fn(() => Promise.resolve('PONG'));
      const factory = redisHealthCheck('REDIS_CLIENT');

      await build(factory, { ping })();

      expect(factory).toMatchObject({ name: 'redis', inject: ['REDIS_CLIENT'] });
      expect(ping).toHaveBeenCalledTimes(1);
    });

    it('should fail when the ping fails', async () => {
      const client = { ping: () => Promise.reject(new Error('ECONNREFUSED')) } as unknown as Redis;

      await expect(build(redisHealthCheck('REDIS_CLIENT'), client)()).rejects.toThrow(
        'ECONNREFUSED',
      );
    });
  });
});
