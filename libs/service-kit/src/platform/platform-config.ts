import { envBool, envInt, type LogLevel } from '@kipp/config';

/** Messaging variables every service shares, next to `platformConfigShape`. */
export function messagingConfigShape() {
  return {
    /** Off only on replicas that must not relay (e.g. while a fault test holds the outbox). */
    OUTBOX_RELAY_ENABLED: envBool().default(true),
    /** Partitions a replica processes at once; order still holds per partition. */
    KAFKA_CONSUMER_CONCURRENCY: envInt({ min: 1, max: 64 }).default(3),
  };
}

/** What `PlatformModule` needs of a service's parsed configuration. */
export interface PlatformConfig {
  readonly MONGO_URI: string;
  readonly MONGO_DB: string;
  readonly KAFKA_BROKERS: readonly string[];
  readonly KAFKA_TOPIC_PREFIX: string;
  readonly REDIS_URL: string;
  readonly LOG_LEVEL: LogLevel;
  readonly SHUTDOWN_TIMEOUT_MS: number;
  readonly OUTBOX_RELAY_ENABLED: boolean;
  readonly KAFKA_CONSUMER_CONCURRENCY: number;
}
