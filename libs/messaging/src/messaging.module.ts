import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection, mongo } from 'mongoose';
import type { LevelWithSilent, Logger } from 'pino';
import { createLogger } from '@kipp/observability';
import type { Broker } from './broker/broker';
import { KafkaJsBroker } from './broker/kafkajs-broker';
import { EventConsumer } from './consumer/event-consumer';
import { ProcessedEventStore } from './consumer/processed-event.store';
import type { RetryPolicy } from './consumer/retry-policy';
import { OutboxNotifier } from './outbox/outbox-notifier';
import { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay';
import { EventPublisher } from './publisher/event-publisher';
import { settledWithin } from './settled-within';
import { TopicNamer } from './topic-namer';

export interface MessagingModuleOptions {
  /** The service name: client id, default consumer group and log field. */
  readonly service: string;
  readonly brokers: readonly string[];
  readonly topicPrefix?: string;
  /**
   * Defaults to the topic prefix followed by the service name: the prefix namespaces the
   * consumer group as it does the topics, so isolated runs (tests, benchmarks) never join
   * each other's groups.
   */
  readonly groupId?: string;
  readonly logLevel?: LevelWithSilent;
  readonly partitionsConsumedConcurrently?: number;
  readonly retry?: RetryPolicy;
  readonly relay?: OutboxRelayOptions & { readonly enabled?: boolean };
  /** How long shutdown waits for the relay to publish what is pending. */
  readonly drainTimeoutMs?: number;
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
export const MESSAGING_LOGGER = Symbol('MESSAGING_LOGGER');
export const BROKER = Symbol('BROKER');

/** Collections whose schema has the outbox plugin, discovered from the connection's models. */
export function outboxCollections(connection: Connection): mongo.Collection[] {
  const db = connection.db;
  if (!db) throw new Error('the database connection is not open yet');
  return connection
    .modelNames()
    .map((name) => connection.model(name))
    .filter((model) => 'outbox' in model.schema.paths)
    .map((model) => db.collection(model.collection.collectionName));
}

/** Starts the relay and the consumer once every module has registered its handlers, and
 * stops them in order on shutdown: no new deliveries, then drain the outbox. */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay: OutboxRelay | undefined;
  private consumerStart: Promise<void> | undefined;
  private shuttingDown = false;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
    @Inject(MESSAGING_LOGGER) private readonly logger: Logger,
    @Inject(BROKER) private readonly broker: Broker,
    @Inject(getConnectionToken()) private readonly connection: Connection,
    private readonly publisher: EventPublisher,
    private readonly consumer: EventConsumer,
    private readonly notifier: OutboxNotifier,
  ) {}

  get outboxRelay(): OutboxRelay | undefined {
    return this.relay;
  }

  onApplicationBootstrap(): void {
    if (this.options.relay?.enabled !== false) {
      const collections = outboxCollections(this.connection);
      if (collections.length > 0) {
        const relay = new OutboxRelay(collections, this.publisher, this.logger, this.options.relay);
        this.notifier.attach(() => relay.nudge());
        relay.start();
        this.relay = relay;
      }
    }
    // Not awaited: the HTTP server (and /health/live) must come up while the broker is
    // still unreachable; readiness reports the broker until it is.
    this.consumerStart = this.startConsumer();
  }

  private async startConsumer(): Promise<void> {
    for (let attempt = 1; !this.isShuttingDown(); attempt += 1) {
      try {
        await this.consumer.start();
        return;
      } catch (error) {
        if (this.isShuttingDown()) return;
        this.logger.warn({ err: error, attempt }, 'event consumer failed to start; retrying');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
      }
    }
  }

  /** Read through a call: shutdown may begin while a start attempt awaits. */
  private isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    // One budget for the whole stop, so that the service's shutdown deadline holds.
    const deadline = Date.now() + (this.options.drainTimeoutMs ?? 5_000);
    await this.consumer.stop();
    // A start still joining the group stops its consumer when it returns; wait for that
    // (bounded: an unreachable broker must not hold the shutdown past its deadline).
    if (this.consumerStart) await settledWithin(this.consumerStart, deadline - Date.now());
    await this.relay?.drain(Math.max(0, deadline - Date.now()));
    await this.broker.disconnect();
  }

  /** Resolves once the consumer has joined its group (tests wait on it). */
  async consumerStarted(): Promise<void> {
    await this.consumerStart;
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MESSAGING_LOGGER,
          useFactory: () =>
            createLogger({ service: options.service, level: options.logLevel ?? 'info' }).child({
              component: 'messaging',
            }),
        },
        { provide: TopicNamer, useFactory: () => new TopicNamer(options.topicPrefix ?? '') },
        {
          provide: BROKER,
          inject: [MESSAGING_LOGGER],
          useFactory: (logger: Logger) =>
            new KafkaJsBroker({ clientId: options.service, brokers: options.brokers, logger }),
        },
        {
          provide: EventPublisher,
          inject: [BROKER, TopicNamer],
          useFactory: (broker: Broker, topics: TopicNamer) => new EventPublisher(broker, topics),
        },
        {
          provide: ProcessedEventStore,
          inject: [getConnectionToken()],
          useFactory: (connection: Connection) => new ProcessedEventStore(connection),
        },
        {
          provide: EventConsumer,
          inject: [BROKER, TopicNamer, ProcessedEventStore, MESSAGING_LOGGER],
          useFactory: (
            broker: Broker,
            topics: TopicNamer,
            processed: ProcessedEventStore,
            logger: Logger,
          ) =>
            new EventConsumer(broker, topics, processed, logger, {
              groupId: options.groupId ?? `${options.topicPrefix ?? ''}${options.service}`,
              ...(options.partitionsConsumedConcurrently !== undefined && {
                partitionsConsumedConcurrently: options.partitionsConsumedConcurrently,
              }),
              ...(options.retry !== undefined && { retry: options.retry }),
            }),
        },
        OutboxNotifier,
        MessagingLifecycle,
      ],
      exports: [
        BROKER,
        MESSAGING_LOGGER,
        TopicNamer,
        EventPublisher,
        EventConsumer,
        OutboxNotifier,
        MessagingLifecycle,
      ],
    };
  }
}

/** Readiness check of the broker, in the shape `@kipp/service-kit` health checks take. */
export const kafkaHealthCheck = {
  name: 'kafka',
  inject: [BROKER],
  useFactory: (broker: Broker) => () => broker.ping(),
} as const;
