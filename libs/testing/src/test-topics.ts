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

const TOPIC_ATTEMPTS = 3;
const TOPIC_ATTEMPT_MS = 30_000;

/** Whether the broker's metadata has every topic with a leader for each of its partitions. */
async function topicsReady(admin: Admin, names: readonly string[]): Promise<boolean> {
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [...names] });
    return (
      topics.length === names.length &&
      topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))
    );
  } catch {
    // "This server does not host this topic-partition": the metadata is not there yet.
    return false;
  }
}

/**
 * Creates the topics and waits until the broker's metadata serves all of them, so a consumer
 * subscribing right after never meets "does not host this topic-partition". Each attempt
 * uses a fresh admin client and is bounded: a broker that has just restarted can leave a
 * kafkajs admin waiting for leaders indefinitely. Topics an earlier attempt created are
 * simply there already.
 */
async function createTopicsWithin(names: readonly string[], partitions: number): Promise<Admin> {
  for (let attempt = 1; ; attempt += 1) {
    const admin: Admin = kafka('test-topics').admin();
    const deadline = Date.now() + TOPIC_ATTEMPT_MS;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (async () => {
          await admin.connect();
          await admin.createTopics({
            waitForLeaders: true,
            topics: names.map((topic) => ({
              topic,
              numPartitions: partitions,
              replicationFactor: 1,
            })),
          });
          while (!(await topicsReady(admin, names)) && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error(`creating test topics took over ${TOPIC_ATTEMPT_MS} ms`));
          }, TOPIC_ATTEMPT_MS);
        }),
      ]);
      return admin;
    } catch (error) {
      await admin.disconnect().catch(() => undefined);
      if (attempt >= TOPIC_ATTEMPTS) throw error;
    } finally {
      clearTimeout(timer);
    }
  }
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
  const names = descriptors.flatMap((d) => [
    `${prefix}${d.topic}`,
    deadLetterTopicOf(`${prefix}${d.topic}`),
  ]);
  const admin = await createTopicsWithin(names, partitions);
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
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
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
