import type { NestExpressApplication } from '@nestjs/platform-express';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import { ALL_EVENTS, type EventDescriptor } from '@kipp/contracts';
import { eventually, serviceTestEnv, testInfrastructure, uniqueName } from './infrastructure';
import { createTestTopics, produceRaw, type TestTopics } from './test-topics';
import { TestIssuer } from './test-issuer';

/** The wire form of an event, as `createEvent` of @kipp/messaging makes it. */
export type EventEncoder = <P>(
  descriptor: EventDescriptor<P>,
  payload: P,
) => { eventId: string; key: string; value: string; headers: Record<string, string> };

/**
 * What a service's harness states of its own. The app and the event encoder come in from the
 * service's side: @kipp/service-kit and @kipp/messaging test themselves with this library,
 * so it cannot import them.
 */
export interface ServiceTestAppOptions<TConfig> {
  /** The service's name: prefix of the test database. */
  readonly service: string;
  /** Parses the environment, as the service's `main.ts` does. */
  readonly loadConfig: (env: Record<string, string>) => TConfig;
  /** Builds the app as the service's `main.ts` does (`createServiceApp` of its options). */
  readonly createApp: (config: TConfig) => Promise<NestExpressApplication>;
  /** `createEvent` of @kipp/messaging. */
  readonly createEvent: EventEncoder;
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export interface ServiceReplica<TConfig> {
  readonly app: NestExpressApplication;
  /** A supertest agent on this replica. */
  readonly http: () => ReturnType<typeof request>;
  readonly config: Readonly<TConfig>;
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

export interface ServiceTestApp<TConfig> extends ServiceReplica<TConfig> {
  readonly topics: TestTopics;
  /** Signs tokens the service accepts, as registration's sign-in would. */
  readonly issuer: TestIssuer;
  readonly database: string;
  /** Publishes events to the test topics, as their producers would. */
  publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]): Promise<PublishedEvent[]>;
  /** Another replica on the same database and topics (one consumer group). */
  startReplica(env?: Record<string, string>): Promise<ServiceReplica<TConfig>>;
}

/**
 * Starts a service against the local infrastructure with a database and topics of its own,
 * waits until it is ready, and publishes a test issuer's signing key. `close` stops every
 * replica, removes the topics and drops the database.
 */
export async function startServiceTestApp<TConfig>(
  options: ServiceTestAppOptions<TConfig>,
): Promise<ServiceTestApp<TConfig>> {
  const topics = await createTestTopics(ALL_EVENTS);
  const issuer = await TestIssuer.publish(topics);
  const database = uniqueName(options.service);
  const env = {
    ...serviceTestEnv({
      database,
      topicPrefix: topics.prefix,
      ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    }),
    ...options.env,
  };
  const replicas: ServiceReplica<TConfig>[] = [];
  const startReplica = async (extra: Record<string, string> = {}) => {
    const replica = await startReplicaWith(options, { ...env, ...extra });
    replicas.push(replica);
    return replica;
  };
  const first = await startReplica();
  return {
    ...first,
    topics,
    issuer,
    database,
    startReplica,
    async publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]) {
      const topic = topics.topicOf(descriptor);
      const published = payloads.map((payload) => {
        const event = options.createEvent(descriptor, payload);
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
    async close() {
      for (const replica of replicas.reverse()) await replica.close();
      await topics.dispose();
      const connection = await mongoose
        .createConnection(testInfrastructure.mongoUri, { dbName: database })
        .asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

async function startReplicaWith<TConfig>(
  options: ServiceTestAppOptions<TConfig>,
  env: Record<string, string>,
): Promise<ServiceReplica<TConfig>> {
  const config = options.loadConfig(env);
  const app = await options.createApp(config);
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
