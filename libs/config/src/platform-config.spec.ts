import { z } from 'zod';
import { envBool } from './env-fields';
import { loadConfig } from './load-config';
import { platformConfigShape } from './platform-config';

describe('platformConfigShape', () => {
  const schema = z.object({
    ...platformConfigShape('submissions', 3002),
    EVIDENCE_SCAN_ENABLED: envBool().default(false),
  });

  it('should give every platform variable its local default when the environment is empty', () => {
    expect(loadConfig(schema, {})).toEqual({
      HOST: '127.0.0.1',
      PORT: 3002,
      MONGO_URI: 'mongodb://127.0.0.1:27117/?directConnection=true',
      MONGO_DB: 'submissions',
      KAFKA_BROKERS: ['127.0.0.1:19092'],
      KAFKA_TOPIC_PREFIX: '',
      REDIS_URL: 'redis://127.0.0.1:16379',
      LOG_LEVEL: 'info',
      OTEL_SERVICE_NAME: 'submissions',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      NODE_ENV: 'development',
      EVIDENCE_SCAN_ENABLED: false,
    });
  });

  it('should parse the variables when they are set', () => {
    const config = loadConfig(schema, {
      PORT: '8080',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
      KAFKA_TOPIC_PREFIX: 'test-42.',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: '2500',
      NODE_ENV: 'production',
      EVIDENCE_SCAN_ENABLED: 'true',
    });

    expect(config).toMatchObject({
      PORT: 8080,
      KAFKA_BROKERS: ['k1:9092', 'k2:9092'],
      KAFKA_TOPIC_PREFIX: 'test-42.',
      LOG_LEVEL: 'debug',
      SHUTDOWN_TIMEOUT_MS: 2500,
      NODE_ENV: 'production',
      EVIDENCE_SCAN_ENABLED: true,
    });
  });

  it('should not share the default broker list between loads when one is frozen', () => {
    const first = loadConfig(schema, {});
    const second = loadConfig(schema, {});

    expect(first.KAFKA_BROKERS).not.toBe(second.KAFKA_BROKERS);
  });

  it('should report every invalid platform variable when several are wrong', () => {
    expect(() =>
      loadConfig(schema, { PORT: 'http', REDIS_URL: 'localhost:6379', LOG_LEVEL: 'verbose' }),
    ).toThrow(
      [
        'Invalid configuration: 3 variables are missing or invalid',
        '  PORT: must be an integer',
        '  REDIS_URL: must be a URI starting with redis:// or rediss://',
        '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      ].join('\n'),
    );
  });
});
