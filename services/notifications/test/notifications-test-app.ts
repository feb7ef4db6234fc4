import type { NestExpressApplication } from '@nestjs/platform-express';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { ALL_EVENTS, type EventDescriptor } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  SmtpCapture,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import {
  loadNotificationsConfig,
  type NotificationsConfig,
} from '../src/config/notifications.config';

export interface NotificationsAppOptions {
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export interface NotificationsReplica {
  readonly app: NestExpressApplication;
  /** A supertest agent on this replica. */
  readonly http: () => ReturnType<typeof request>;
  readonly config: Readonly<NotificationsConfig>;
  /** The mongoose model registered under `name` (to seed or inspect state). */
  model<T>(name: string): Model<T>;
  close(): Promise<void>;
}

export interface PublishedEvent {
  readonly eventId: string;
  /** The Kafka message as produced, to produce it again (duplicate delivery). */
  readonly message: { key: string; value: string; headers: Record<string, string> };
  readonly topic: string;
}

export interface NotificationsTestApp extends NotificationsReplica {
  readonly topics: TestTopics;
  /** Signs tokens the service accepts, as registration's sign-in would. */
  readonly issuer: TestIssuer;
  readonly database: string;
  /** The real SMTP server every replica delivers to (127.0.0.1, a free port). */
  readonly smtp: SmtpCapture;
  /** Publishes events to the test topics, as their producers would. */
  publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]): Promise<PublishedEvent[]>;
  /** Produces already published events again, byte for byte. */
  republish(...events: PublishedEvent[]): Promise<void>;
  /** Another replica on the same database, topics and SMTP server (one consumer group). */
  startReplica(env?: Record<string, string>): Promise<NotificationsReplica>;
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
  const [topics, smtp] = await Promise.all([createTestTopics(ALL_EVENTS), SmtpCapture.start()]);
  const issuer = await TestIssuer.publish(topics);
  const database = uniqueName('notifications');
  const env = {
    ...serviceTestEnv({
      database,
      topicPrefix: topics.prefix,
      ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    }),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'KIPP <no-reply@kipp.test>',
    PORTAL_URL: 'https://portal.kipp.test',
    ...FAST_DELIVERY_ENV,
    ...options.env,
  };
  const replicas: NotificationsReplica[] = [];
  const startReplica = async (extra: Record<string, string> = {}) => {
    const replica = await startReplicaWith({ ...env, ...extra });
    replicas.push(replica);
    return replica;
  };
  const first = await startReplica();
  return {
    ...first,
    topics,
    issuer,
    database,
    smtp,
    startReplica,
    async publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]) {
      const topic = topics.topicOf(descriptor);
      const published = payloads.map((payload) => {
        const event = createEvent(descriptor, payload);
        return {
          eventId: event.eventId,
          topic,
          message: { key: event.key, value: event.value, headers: event.headers },
        };
      });
      await produceRaw(
        topic,
        published.map((event) => event.message),
      );
      return published;
    },
    async republish(...events: PublishedEvent[]) {
      for (const event of events) await produceRaw(event.topic, [event.message]);
    },
    consumed: (...descriptors: EventDescriptor[]) => consumedBy(topics, descriptors),
    async close() {
      for (const replica of replicas.reverse()) await replica.close();
      await smtp.stop();
      await topics.dispose();
      const connection = await mongoose
        .createConnection(testInfrastructure.mongoUri, { dbName: database })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

async function startReplicaWith(env: Record<string, string>): Promise<NotificationsReplica> {
  const config = loadNotificationsConfig(env);
  const app = await createServiceApp({ name: 'notifications', module: AppModule.register(config) });
  await app.init();
  const http = () => request(app.getHttpServer());
  await eventually(async () => {
    await http().get('/health/ready').expect(200);
  });
  return {
    app,
    http,
    config,
    model: <T>(name: string) => app.get<Model<T>>(getModelToken(name)),
    close: () => app.close(),
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
