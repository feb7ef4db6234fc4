import type { NestExpressApplication } from '@nestjs/platform-express';
import { getModelToken } from '@nestjs/mongoose';
import mongoose, { type Model } from 'mongoose';
import request from 'supertest';
import { ALL_EVENTS, type EventDescriptor } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { createServiceApp } from '@kipp/service-kit';
import {
  createTestTopics,
  eventually,
  produceRaw,
  serviceTestEnv,
  testInfrastructure,
  TestIssuer,
  uniqueName,
  type TestTopics,
} from '@kipp/testing';
import { AppModule } from '../src/app.module';
import { loadReplicationConfig, type ReplicationConfig } from '../src/config/replication.config';

export interface ReplicationAppOptions {
  /** Variables over the test defaults. */
  readonly env?: Record<string, string>;
  /** Pino level; `silent` unless a spec reads the logs. */
  readonly logLevel?: string;
}

export interface ReplicationReplica {
  readonly app: NestExpressApplication;
  /** A supertest agent on this replica. */
  readonly http: () => ReturnType<typeof request>;
  readonly config: Readonly<ReplicationConfig>;
  /** The mongoose model registered under `name` (to seed or inspect state). */
  model<T>(name: string): Model<T>;
  close(): Promise<void>;
}

export interface ReplicationTestApp extends ReplicationReplica {
  readonly topics: TestTopics;
  /** Signs tokens the service accepts, as registration's sign-in would. */
  readonly issuer: TestIssuer;
  readonly database: string;
  /** Publishes events to the test topics, as their producers would. */
  publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]): Promise<void>;
  /** Another replica on the same database and topics (one consumer group). */
  startReplica(env?: Record<string, string>): Promise<ReplicationReplica>;
}

/**
 * Starts the replication service against the local infrastructure with a database and
 * topics of its own, waits until it is ready, and publishes a test issuer's signing key.
 * `close` stops every replica, removes the topics and drops the database.
 */
export async function startReplicationApp(
  options: ReplicationAppOptions = {},
): Promise<ReplicationTestApp> {
  const topics = await createTestTopics(ALL_EVENTS);
  const issuer = await TestIssuer.publish(topics);
  const database = uniqueName('replication');
  const env = {
    ...serviceTestEnv({
      database,
      topicPrefix: topics.prefix,
      ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    }),
    ...options.env,
  };
  const replicas: ReplicationReplica[] = [];
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
    startReplica,
    async publish<P>(descriptor: EventDescriptor<P>, ...payloads: P[]) {
      const messages = payloads.map((payload) => {
        const event = createEvent(descriptor, payload);
        return { key: event.key, value: event.value, headers: event.headers };
      });
      await produceRaw(topics.topicOf(descriptor), messages);
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

async function startReplicaWith(env: Record<string, string>): Promise<ReplicationReplica> {
  const config = loadReplicationConfig(env);
  const app = await createServiceApp({ name: 'replication', module: AppModule.register(config) });
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
