import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type KafkaConfig,
  type LogEntry,
  type Producer,
} from 'kafkajs';
import type { Logger } from 'pino';
import type {
  Broker,
  BrokerProducer,
  ConsumerOptions,
  IncomingMessage,
  RunningConsumer,
  TopicBatch,
} from './broker';

export interface KafkaJsBrokerOptions {
  readonly clientId: string;
  readonly brokers: readonly string[];
  readonly logger: Logger;
  /** Upper bound for one connection attempt; reconnects continue with backoff. */
  readonly connectionTimeoutMs?: number;
}

const KAFKA_LOG_LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

function headersOf(raw: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (Buffer.isBuffer(value)) headers[name] = value.toString('utf8');
    else if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

/** Broker adapter over kafkajs 2.x. */
export class KafkaJsBroker implements Broker {
  private readonly kafka: Kafka;
  private producerPromise: Promise<Producer> | undefined;
  private adminPromise: Promise<Admin> | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(private readonly options: KafkaJsBrokerOptions) {
    const logger = options.logger.child({ component: 'kafka' });
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? 3_000,
      // Retries with backoff forever-ish: a broker restart must be survived, not surfaced.
      retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 30 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...extra } = log;
          logger[KAFKA_LOG_LEVELS[level] ?? 'info'](extra, message);
        },
    };
    this.kafka = new Kafka(config);
  }

  producer(): Promise<BrokerProducer> {
    this.producerPromise ??= (async () => {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producerPromise = undefined;
      throw error;
    });
    const ready = this.producerPromise;
    return ready.then((producer) => ({
      send: async (batches: readonly TopicBatch[]) => {
        await producer.sendBatch({
          acks: -1,
          topicMessages: batches.map((batch) => ({
            topic: batch.topic,
            messages: batch.messages.map((message) => ({
              key: message.key,
              value: message.value,
              headers: { ...message.headers },
            })),
          })),
        });
      },
    }));
  }

  async runConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
    let stopping = false;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // A stopping consumer waits for its pending fetch; a short long-poll keeps shutdown
      // well inside its deadline at the cost of one idle fetch a second.
      maxWaitTimeInMs: 1_000,
      retry: {
        initialRetryTime: 200,
        maxRetryTime: 5_000,
        retries: 50,
        // kafkajs restarts a crashed consumer by default; a crash caused by leaving the
        // group mid-rebalance must not bring back a consumer that is being stopped.
        restartOnFailure: () => Promise.resolve(!stopping),
      },
    });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning });
    await consumer.run({
      partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
      eachMessage: async (payload) => {
        const { topic, partition, message } = payload;
        const incoming: IncomingMessage = {
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value,
          headers: headersOf(message.headers),
        };
        await options.onMessage(incoming, {
          heartbeat: () => payload.heartbeat(),
          get stopping() {
            return stopping;
          },
        });
      },
    });
    return {
      stop: async () => {
        stopping = true;
        await consumer.disconnect();
        this.consumers.delete(consumer);
      },
    };
  }

  async ping(): Promise<void> {
    this.adminPromise ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.adminPromise = undefined;
      throw error;
    });
    const admin = await this.adminPromise;
    await admin.describeCluster();
  }

  async disconnect(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.disconnect()));
    this.consumers.clear();
    const producer = this.producerPromise;
    const admin = this.adminPromise;
    this.producerPromise = undefined;
    this.adminPromise = undefined;
    await Promise.all([
      producer?.then((p) => p.disconnect()).catch(() => undefined),
      admin?.then((a) => a.disconnect()).catch(() => undefined),
    ]);
  }

  /** The brokers this adapter talks to, for diagnostics. */
  get brokers(): readonly string[] {
    return this.options.brokers;
  }
}
