import { Module, type DynamicModule } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AuthModule, SigningKeyStore } from '@kipp/auth';
import { kafkaHealthCheck, MessagingModule } from '@kipp/messaging';
import { MongoModule } from '@kipp/mongo';
import { ObservabilityModule } from '@kipp/observability';
import {
  mongoHealthCheck,
  redisHealthCheck,
  type HealthCheckFactory,
} from '../health/health-checks';
import { HealthModule } from '../health/health.module';
import type { PlatformConfig } from './platform-config';
import { createRedisClient, REDIS, RedisLifecycle } from './redis';
import { SERVICE_NAME, SigningKeyFeedLifecycle } from './signing-key-feed.lifecycle';

export interface PlatformModuleOptions {
  readonly service: string;
  readonly config: PlatformConfig;
}

const signingKeysHealthCheck: HealthCheckFactory = {
  name: 'signing-keys',
  inject: [SigningKeyStore],
  useFactory: (store: SigningKeyStore) => () =>
    store.size > 0
      ? Promise.resolve()
      : Promise.reject(new Error('no access-token signing key received yet')),
};

/**
 * Everything a service stands on, wired the same way everywhere: JSON logs and correlation,
 * its own MongoDB database, Kafka with the outbox relay and the event consumer, token
 * verification fed by the registration service's key events, Redis, and health endpoints
 * whose readiness checks each of these.
 */
@Module({})
export class PlatformModule {
  static forRoot({ service, config }: PlatformModuleOptions): DynamicModule {
    const redis = createRedisClient(config.REDIS_URL);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ObservabilityModule.forRoot({ service, level: config.LOG_LEVEL }),
        MongoModule.forRoot({ uri: config.MONGO_URI, dbName: config.MONGO_DB }),
        MessagingModule.forRoot({
          service,
          brokers: config.KAFKA_BROKERS,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          logLevel: config.LOG_LEVEL,
          partitionsConsumedConcurrently: config.KAFKA_CONSUMER_CONCURRENCY,
          relay: { enabled: config.OUTBOX_RELAY_ENABLED },
          drainTimeoutMs: Math.max(1_000, Math.floor(config.SHUTDOWN_TIMEOUT_MS / 2)),
        }),
        AuthModule.forRoot(),
        HealthModule.forRoot({
          checks: [
            mongoHealthCheck(),
            kafkaHealthCheck,
            redisHealthCheck(REDIS),
            signingKeysHealthCheck,
          ],
        }),
      ],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: REDIS, useValue: redis satisfies Redis },
        RedisLifecycle,
        SigningKeyFeedLifecycle,
      ],
      exports: [REDIS, SERVICE_NAME],
    };
  }
}
