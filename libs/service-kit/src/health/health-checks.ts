import type { InjectionToken } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Redis } from 'ioredis';
import { ConnectionStates, type Connection } from 'mongoose';

/** Resolves when the dependency is usable, rejects with the reason when it is not. */
export type HealthCheckFn = () => Promise<void>;

/**
 * A readiness check built by Nest from the providers in `inject`, e.g.
 * `{ name: 'kafka', inject: [KafkaAdmin], useFactory: (admin: KafkaAdmin) => () => admin.ping() }`.
 */
export interface HealthCheckFactory {
  readonly name: string;
  readonly inject?: readonly InjectionToken[];
  // `never[]` lets each factory name its own parameter types; Nest supplies them from
  // `inject` at runtime, which the compiler cannot follow.
  readonly useFactory: (...dependencies: never[]) => HealthCheckFn;
}

/** A check that needs nothing from Nest's container. */
export function healthCheck(name: string, check: HealthCheckFn): HealthCheckFactory {
  return { name, useFactory: () => check };
}

/** Pings MongoDB through a mongoose connection (by default the one of `@nestjs/mongoose`). */
export function mongoHealthCheck(
  options: { name?: string; connectionToken?: InjectionToken } = {},
): HealthCheckFactory {
  return {
    name: options.name ?? 'mongo',
    inject: [options.connectionToken ?? getConnectionToken()],
    useFactory: (connection: Connection) => async () => {
      const db = connection.db;
      if (connection.readyState !== ConnectionStates.connected || db === undefined) {
        throw new Error(`not connected (${ConnectionStates[connection.readyState]})`);
      }
      await db.admin().ping();
    },
  };
}

/** Pings Redis through the ioredis client provided under `clientToken`. */
export function redisHealthCheck(clientToken: InjectionToken, name = 'redis'): HealthCheckFactory {
  return {
    name,
    inject: [clientToken],
    useFactory: (client: Redis) => async () => {
      await client.ping();
    },
  };
}
