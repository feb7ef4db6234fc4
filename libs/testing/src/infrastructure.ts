import { randomBytes } from 'node:crypto';

/** Where the running local infrastructure is (see infra/README.md); CI and `npm test` start it. */
export const testInfrastructure = Object.freeze({
  mongoUri: process.env['MONGO_URI'] ?? 'mongodb://127.0.0.1:27117/?directConnection=true',
  kafkaBrokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(','),
  redisUrl: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:16379',
});

/** A name no other test (or earlier run) uses: `<prefix>_<random>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/** Polls `probe` until it stops throwing or returns a value; rethrows the last failure. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 30_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * The variables that point a service at the local infrastructure with a database and a
 * topic prefix of its own, as `load<Service>Config(env)` takes them.
 */
export function serviceTestEnv(options: {
  database: string;
  topicPrefix: string;
  logLevel?: string;
}): Record<string, string> {
  return {
    MONGO_URI: testInfrastructure.mongoUri,
    MONGO_DB: options.database,
    KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    REDIS_URL: testInfrastructure.redisUrl,
    LOG_LEVEL: options.logLevel ?? 'silent',
  };
}
