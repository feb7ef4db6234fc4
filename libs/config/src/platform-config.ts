import { envEnum, envInt, envList, envPort, envString, envUri } from './env-fields';

/** pino's levels; `silent` turns logging off, which only tests want. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Defaults match the ports of the local infrastructure started by `npm start`. */
export const PLATFORM_DEFAULTS = {
  HOST: '127.0.0.1',
  MONGO_URI: 'mongodb://127.0.0.1:27117/?directConnection=true',
  KAFKA_BROKERS: ['127.0.0.1:19092'],
  KAFKA_TOPIC_PREFIX: '',
  REDIS_URL: 'redis://127.0.0.1:16379',
  LOG_LEVEL: 'info',
  SHUTDOWN_TIMEOUT_MS: 10_000,
  NODE_ENV: 'development',
} as const;

/**
 * The variables every service shares, with the same names everywhere. Spread it into the
 * service's own schema: `z.object({ ...platformConfigShape('submissions', 3002), ...own })`.
 * `MONGO_DB` and `OTEL_SERVICE_NAME` default to the service name so each service gets its
 * own database without configuration.
 */
export function platformConfigShape(serviceName: string, defaultPort: number) {
  return {
    HOST: envString().default(PLATFORM_DEFAULTS.HOST),
    PORT: envPort().default(defaultPort),
    MONGO_URI: envUri(['mongodb', 'mongodb+srv']).default(PLATFORM_DEFAULTS.MONGO_URI),
    MONGO_DB: envString()
      .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be a MongoDB database name (letters, digits, _ or -)')
      .default(serviceName),
    KAFKA_BROKERS: envList().default(() => [...PLATFORM_DEFAULTS.KAFKA_BROKERS]),
    KAFKA_TOPIC_PREFIX: envString().default(PLATFORM_DEFAULTS.KAFKA_TOPIC_PREFIX),
    REDIS_URL: envUri(['redis', 'rediss']).default(PLATFORM_DEFAULTS.REDIS_URL),
    LOG_LEVEL: envEnum(LOG_LEVELS).default(PLATFORM_DEFAULTS.LOG_LEVEL),
    OTEL_SERVICE_NAME: envString().default(serviceName),
    SHUTDOWN_TIMEOUT_MS: envInt({ min: 0 }).default(PLATFORM_DEFAULTS.SHUTDOWN_TIMEOUT_MS),
    NODE_ENV: envEnum(NODE_ENVS).default(PLATFORM_DEFAULTS.NODE_ENV),
  };
}
