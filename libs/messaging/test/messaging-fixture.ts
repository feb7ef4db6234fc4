import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Schema, type ClientSession, type Connection, type Model } from 'mongoose';
import pino from 'pino';
import { InstitutionRegisteredV1, type EventDescriptor, type EventEnvelope } from '@kipp/contracts';
import {
  createTestDatabase,
  createTestTopics,
  testInfrastructure,
  type TestDatabase,
  type TestTopics,
} from '@kipp/testing';
import {
  EventConsumer,
  EventPublisher,
  KafkaJsBroker,
  OutboxRelay,
  outboxCollections,
  outboxPlugin,
  ProcessedEventStore,
  TopicNamer,
  type EventHandler,
  type OutboxFields,
} from '../src';

export const quietLogger = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });

/** An aggregate with an outbox, standing in for a service's registry of institutions. */
export interface InstitutionDocument extends OutboxFields {
  _id: string;
  name: string;
}

/** A consumer-side effect that is not idempotent by itself: applying an event twice would count twice. */
export interface TallyDocument {
  _id: string;
  applied: number;
}

/** The consumer-side effect: count one application of the event for its institution. */
export async function countInto(
  tallies: Model<TallyDocument>,
  event: EventEnvelope<{ institutionId: string }>,
  session: ClientSession,
): Promise<void> {
  await tallies.updateOne(
    { _id: event.payload.institutionId },
    { $inc: { applied: 1 } },
    { upsert: true, session },
  );
}

export function institutionModel(connection: Connection): Model<InstitutionDocument> {
  const schema = new Schema<InstitutionDocument>({ _id: String, name: String });
  schema.plugin(outboxPlugin);
  return connection.model<InstitutionDocument>('Institution', schema, 'institutions');
}

export function tallyModel(connection: Connection): Model<TallyDocument> {
  const schema = new Schema<TallyDocument>({ _id: String, applied: Number });
  return connection.model<TallyDocument>('Tally', schema, 'tallies');
}

/** Real broker, real database, a producer side with an outbox and a consumer side. */
export class MessagingFixture {
  private consumers: EventConsumer[] = [];
  private relays: OutboxRelay[] = [];
  private brokers: KafkaJsBroker[] = [];

  private constructor(
    readonly producerDb: TestDatabase,
    readonly consumerDb: TestDatabase,
    readonly topics: TestTopics,
  ) {}

  static async create(descriptors: readonly EventDescriptor[] = [InstitutionRegisteredV1]) {
    const [producerDb, consumerDb, topics] = await Promise.all([
      createTestDatabase('producer'),
      createTestDatabase('consumer'),
      createTestTopics(descriptors),
    ]);
    return new MessagingFixture(producerDb, consumerDb, topics);
  }

  get namer(): TopicNamer {
    return new TopicNamer(this.topics.prefix);
  }

  broker(clientId = 'test'): KafkaJsBroker {
    const broker = new KafkaJsBroker({
      clientId,
      brokers: testInfrastructure.kafkaBrokers,
      logger: quietLogger,
    });
    this.brokers.push(broker);
    return broker;
  }

  publisher(): EventPublisher {
    return new EventPublisher(this.broker('publisher'), this.namer);
  }

  relay(model: Model<InstitutionDocument>, pollIntervalMs = 50): OutboxRelay {
    const relay = new OutboxRelay(outboxCollections(model.db), this.publisher(), quietLogger, {
      pollIntervalMs,
    });
    this.relays.push(relay);
    return relay;
  }

  async consume<TPayload>(
    descriptor: EventDescriptor<TPayload>,
    handler: EventHandler<TPayload>,
    options: { groupId?: string; maxAttempts?: number } = {},
  ): Promise<EventConsumer> {
    const consumer = new EventConsumer(
      this.broker('consumer'),
      this.namer,
      new ProcessedEventStore(this.consumerDb.connection),
      quietLogger,
      {
        groupId: options.groupId ?? `${this.topics.prefix}consumer`,
        retry: { maxAttempts: options.maxAttempts ?? 3, initialDelayMs: 20, maxDelayMs: 200 },
      },
    ).on(descriptor, handler);
    this.consumers.push(consumer);
    await consumer.start();
    return consumer;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
    await Promise.all(this.relays.map((r) => r.drain(0)));
    await Promise.all(this.brokers.map((b) => b.disconnect()));
    await Promise.all([
      this.producerDb.dispose(),
      this.consumerDb.dispose(),
      this.topics.dispose(),
    ]);
  }
}

/** Runs the project's infrastructure CLI (e.g. to restart the broker mid-stream). */
export function infra(...args: string[]): void {
  const root = path.resolve(__dirname, '../../..');
  const result = spawnSync(process.execPath, [path.join(root, 'tools/infra.mts'), ...args], {
    cwd: root,
    stdio: 'inherit',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`infra ${args.join(' ')} failed with ${result.status}`);
}

export function institutionPayload(id: string) {
  return {
    ...InstitutionRegisteredV1.example,
    institutionId: id,
    code: id,
    name: `Institution ${id}`,
  };
}
