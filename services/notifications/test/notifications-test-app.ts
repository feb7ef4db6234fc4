import { Kafka, logLevel } from 'kafkajs';
import type { EventDescriptor } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import {
  eventually,
  produceRaw,
  SmtpCapture,
  startServiceTestApp,
  testInfrastructure,
  type PublishedEvent,
  type ServiceReplica,
  type ServiceTestApp,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import {
  loadNotificationsConfig,
  type NotificationsConfig,
} from '../src/config/notifications.config';

export type { PublishedEvent } from '@kipp/testing';

export interface NotificationsAppOptions {
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export type NotificationsReplica = ServiceReplica<NotificationsConfig>;

export interface NotificationsTestApp extends ServiceTestApp<NotificationsConfig> {
  /** The real SMTP server every replica delivers to (127.0.0.1, a free port). */
  readonly smtp: SmtpCapture;
  /** Produces already published events again, byte for byte. */
  republish(...events: PublishedEvent[]): Promise<void>;
  /**
   * Waits until the service's consumer group has committed everything published to these
   * topics so far.
   */
  consumed(...descriptors: EventDescriptor[]): Promise<void>;
}

/** Fast loops for tests: mail goes out within a tick, retries back off in milliseconds. */
export const FAST_DELIVERY_ENV: Record<string, string> = {
  DELIVERY_INTERVAL_MS: '100',
  DELIVERY_BACKOFF_BASE_MS: '100',
  DELIVERY_BACKOFF_MAX_MS: '1000',
  REMINDER_SCAN_INTERVAL_MS: '200',
  SMTP_RATE_LIMIT_PER_SECOND: '1000',
};

/**
 * Starts the notifications service against the local infrastructure with a database and
 * topics of its own and a real SMTP server, waits until it is ready, and publishes a test
 * issuer's signing key. `close` stops every replica and the SMTP server, removes the topics
 * and drops the database.
 */
export async function startNotificationsApp(
  options: NotificationsAppOptions = {},
): Promise<NotificationsTestApp> {
  const smtp = await SmtpCapture.start();
  const app = await startServiceTestApp({
    ...options,
    service: 'notifications',
    loadConfig: loadNotificationsConfig,
    createApp: (config) =>
      createServiceApp({ name: 'notifications', module: AppModule.register(config) }),
    createEvent,
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'KIPP <no-reply@kipp.test>',
      PORTAL_URL: 'https://portal.kipp.test',
      ...FAST_DELIVERY_ENV,
      ...options.env,
    },
  }).catch(async (error: unknown) => {
    await smtp.stop();
    throw error;
  });
  return {
    ...app,
    smtp,
    async republish(...events: PublishedEvent[]) {
      for (const event of events) await produceRaw(event.topic, [event.message]);
    },
    consumed: (...descriptors: EventDescriptor[]) => consumedBy(app.topics, descriptors),
    async close() {
      await app.close();
      await smtp.stop();
    },
  };
}

async function consumedBy(topics: TestTopics, descriptors: EventDescriptor[]): Promise<void> {
  const admin = new Kafka({
    clientId: 'notifications-spec',
    brokers: testInfrastructure.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const names = descriptors.map((descriptor) => topics.topicOf(descriptor));
      const committed = await admin.fetchOffsets({
        groupId: `${topics.prefix}notifications`,
        topics: names,
      });
      for (const topic of names) {
        const latest = await admin.fetchTopicOffsets(topic);
        const done = committed.find((entry) => entry.topic === topic)?.partitions ?? [];
        for (const partition of latest) {
          // A partition nothing was ever published to has no committed offset (-1).
          if (partition.high === partition.low) continue;
          const at = done.find((entry) => entry.partition === partition.partition);
          expect(Number(at?.offset ?? -1)).toBeGreaterThanOrEqual(Number(partition.high));
        }
      }
    });
  } finally {
    await admin.disconnect();
  }
}
