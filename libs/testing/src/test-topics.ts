import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { deadLetterTopicOf, type EventDescriptor } from '@kipp/contracts';
import { testInfrastructure, uniqueName } from './infrastructure';

function kafka(clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: testInfrastructure.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2_000 },
  });
}

export interface TestTopics {
  /** Prefix to pass as KAFKA_TOPIC_PREFIX / TopicNamer prefix. */
  readonly prefix: string;
  /** The broker topic of a descriptor under this prefix. */
  topicOf(descriptor: Pick<EventDescriptor, 'topic'>): string;
  dispose(): Promise<void>;
}

/**
 * Creates the topics of the given events (and their dead-letter topics) under a prefix of
 * their own, so test files never see each other's messages.
 */
export async function createTestTopics(
  descriptors: readonly Pick<EventDescriptor, 'topic'>[],
  { partitions = 3 }: { partitions?: number } = {},
): Promise<TestTopics> {
  const prefix = `${uniqueName('t')}.`;
  const admin: Admin = kafka('test-topics').admin();
  await admin.connect();
  const names = descriptors.flatMap((d) => [
    `${prefix}${d.topic}`,
    deadLetterTopicOf(`${prefix}${d.topic}`),
  ]);
  await admin.createTopics({
    waitForLeaders: true,
    topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
  });
  return {
    prefix,
    topicOf: (descriptor) => `${prefix}${descriptor.topic}`,
    async dispose() {
      await admin.deleteTopics({ topics: names }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/** Collects every message of some topics from the beginning, for assertions. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private consumer: Consumer | undefined;

  static async start(topics: readonly string[]): Promise<TopicReader> {
    const reader = new TopicReader();
    const consumer = kafka('test-reader').consumer({ groupId: uniqueName('reader') });
    reader.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) {
          if (value !== undefined) headers[name] = value.toString();
        }
        reader.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers,
        });
        return Promise.resolve();
      },
    });
    return reader;
  }

  on(topic: string): ReadMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Writes raw messages (e.g. poison ones) straight to a topic. */
export async function produceRaw(
  topic: string,
  messages: readonly { key: string; value: string; headers?: Record<string, string> }[],
): Promise<void> {
  const producer = kafka('test-raw-producer').producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: messages.map((m) => ({ ...m })) });
  } finally {
    await producer.disconnect();
  }
}
