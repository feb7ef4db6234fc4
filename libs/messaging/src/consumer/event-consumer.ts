import { setTimeout as sleep } from 'node:timers/promises';
import { context as otelContext, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ClientSession } from 'mongoose';
import type { Logger } from 'pino';
import type { EventDescriptor, EventEnvelope } from '@kipp/contracts';
import { isTransientMongoError } from '@kipp/mongo';
import { extractTraceContext, runWithContext } from '@kipp/observability';
import type {
  Broker,
  BrokerProducer,
  DeliveryControl,
  IncomingMessage,
  RunningConsumer,
} from '../broker/broker';
import type { TopicNamer } from '../topic-namer';
import { PermanentEventError, type DeadLetterReason } from './errors';
import { parseMessage } from './parse-message';
import type { ProcessedEventStore } from './processed-event.store';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface HandlerContext {
  /** Every database write of the handler goes through this session, so that it commits
   * atomically with the record that the event was processed. */
  readonly session: ClientSession;
  readonly message: IncomingMessage;
}

export type EventHandler<TPayload> = (
  event: EventEnvelope<TPayload>,
  context: HandlerContext,
) => Promise<void>;

export interface EventConsumerOptions {
  readonly groupId: string;
  /** A new consumer group starts from the oldest retained event (projections need history). */
  readonly fromBeginning?: boolean;
  readonly partitionsConsumedConcurrently?: number;
  readonly retry?: RetryPolicy;
}

interface Subscription {
  readonly descriptor: EventDescriptor;
  readonly handler: EventHandler<unknown>;
  /** Identifies the handler in processed-event records; stable across deployments. */
  readonly name: string;
}

export const DLQ_HEADERS = {
  reason: 'x-dlq-reason',
  detail: 'x-dlq-detail',
  sourceTopic: 'x-dlq-source-topic',
  sourcePartition: 'x-dlq-source-partition',
  sourceOffset: 'x-dlq-source-offset',
  consumerGroup: 'x-dlq-consumer-group',
  failedAt: 'x-dlq-failed-at',
} as const;

const tracer = trace.getTracer('@kipp/messaging');

/** Errors that say "try again later" rather than "this event is bad". */
export function isTransientError(error: unknown): boolean {
  if (isTransientMongoError(error)) return true;
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { retriable?: unknown; name?: unknown };
  return (
    candidate.retriable === true ||
    (typeof candidate.name === 'string' && candidate.name.startsWith('KafkaJS'))
  );
}

/**
 * Consumes the topics of the registered descriptors in one consumer group. For each message
 * it parses the contract, restores trace context and correlation id, skips events already
 * processed, calls the handler, retries failures with backoff, and sends invalid or
 * exhausted messages to `<topic>.dlq` with the reason, so the partition keeps flowing.
 * Infrastructure outages (database, broker) are waited out, never dead-lettered.
 */
export class EventConsumer {
  private readonly subscriptions = new Map<string, Subscription>();
  private running: RunningConsumer | undefined;
  /** Set by stop(); a start still joining the group then stops its consumer at once. */
  private stopped = false;
  private readonly retry: RetryPolicy;

  constructor(
    private readonly broker: Broker,
    private readonly topics: TopicNamer,
    private readonly processed: ProcessedEventStore,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** Registers the handler of one event version. Call before start(). */
  on<TPayload>(
    descriptor: EventDescriptor<TPayload>,
    handler: EventHandler<TPayload>,
    name = `${this.options.groupId}/${descriptor.type}.v${descriptor.version}`,
  ): this {
    if (this.running) throw new Error('register handlers before the consumer starts');
    const topic = this.topics.topicOf(descriptor);
    if (this.subscriptions.has(topic))
      throw new Error(`a handler for ${topic} is already registered`);
    this.subscriptions.set(topic, {
      descriptor: descriptor,
      handler: handler as EventHandler<unknown>,
      name,
    });
    return this;
  }

  get topicNames(): readonly string[] {
    return [...this.subscriptions.keys()];
  }

  async start(): Promise<void> {
    if (this.running || this.stopped || this.subscriptions.size === 0) return;
    await this.processed.ensureIndexes();
    const running = await this.broker.runConsumer({
      groupId: this.options.groupId,
      topics: [...this.subscriptions.keys()],
      fromBeginning: this.options.fromBeginning ?? true,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      onMessage: (message, control) => this.handle(message, control),
    });
    if (this.hasStopped()) {
      // stop() came while the consumer was joining (e.g. a replica closed right after start).
      await running.stop();
      return;
    }
    this.running = running;
    this.logger.info(
      { groupId: this.options.groupId, topics: this.topicNames },
      'event consumer started',
    );
  }

  /** Read through a call: stop() may flip the flag while start() awaits. */
  private hasStopped(): boolean {
    return this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }

  private async handle(message: IncomingMessage, control: DeliveryControl): Promise<void> {
    const subscription = this.subscriptions.get(message.topic);
    if (!subscription) return;
    const parsed = parseMessage(subscription.descriptor, message);
    if (!parsed.ok) {
      this.logger.warn(
        {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          reason: parsed.reason,
          detail: parsed.detail,
        },
        'invalid event dead-lettered',
      );
      await this.deadLetter(message, parsed.reason, parsed.detail, control);
      return;
    }
    const event = parsed.event;
    await otelContext.with(extractTraceContext(message.headers), () =>
      tracer.startActiveSpan(
        `${message.topic} process`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.destination.name': message.topic,
            'messaging.consumer.group.name': this.options.groupId,
            'messaging.message.id': event.eventId,
            'messaging.kafka.message.offset': message.offset,
          },
        },
        async (span) => {
          try {
            await runWithContext(
              { correlationId: event.correlationId, causationId: event.eventId },
              () => this.process(subscription, event, message, control),
            );
          } catch (error) {
            span.recordException(error as Error);
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    );
  }

  private async process(
    subscription: Subscription,
    event: EventEnvelope,
    message: IncomingMessage,
    control: DeliveryControl,
  ): Promise<void> {
    if (await this.processed.hasProcessed(subscription.name, event.eventId)) {
      this.logger.debug(
        { eventId: event.eventId, handler: subscription.name },
        'duplicate event skipped',
      );
      return;
    }
    let failures = 0;
    let outages = 0;
    for (;;) {
      try {
        const applied = await this.processed.applyOnce(
          { handler: subscription.name, eventId: event.eventId, topic: message.topic },
          (session) => subscription.handler(event, { session, message }),
        );
        if (!applied) this.logger.debug({ eventId: event.eventId }, 'duplicate event skipped');
        return;
      } catch (error) {
        if (error instanceof PermanentEventError) {
          await this.deadLetter(message, 'PERMANENT_FAILURE', error.message, control);
          return;
        }
        if (control.stopping) throw error;
        if (isTransientError(error)) {
          outages += 1;
          this.logger.warn(
            { err: error, eventId: event.eventId, attempt: outages },
            'transient failure; retrying',
          );
          await sleep(backoffDelay(this.retry, Math.min(outages, 10)));
        } else {
          failures += 1;
          if (failures >= this.retry.maxAttempts) {
            this.logger.error(
              { err: error, eventId: event.eventId, attempts: failures },
              'handler failed; event dead-lettered',
            );
            await this.deadLetter(message, 'RETRIES_EXHAUSTED', describeError(error), control);
            return;
          }
          this.logger.warn(
            { err: error, eventId: event.eventId, attempt: failures },
            'handler failed; retrying',
          );
          await sleep(backoffDelay(this.retry, failures));
        }
        await control.heartbeat().catch(() => undefined);
      }
    }
  }

  private async deadLetter(
    message: IncomingMessage,
    reason: DeadLetterReason,
    detail: string,
    control: DeliveryControl,
  ): Promise<void> {
    const headers: Record<string, string> = {
      ...message.headers,
      [DLQ_HEADERS.reason]: reason,
      [DLQ_HEADERS.detail]: detail.slice(0, 2_000),
      [DLQ_HEADERS.sourceTopic]: message.topic,
      [DLQ_HEADERS.sourcePartition]: String(message.partition),
      [DLQ_HEADERS.sourceOffset]: message.offset,
      [DLQ_HEADERS.consumerGroup]: this.options.groupId,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    };
    const topic = this.topics.deadLetterTopicOf(message.topic);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const producer: BrokerProducer = await this.broker.producer();
        await producer.send([
          {
            topic,
            messages: [
              { key: message.key ?? '', value: message.value?.toString('utf8') ?? '', headers },
            ],
          },
        ]);
        return;
      } catch (error) {
        // Until the dead letter is safely written the offset must not move on.
        if (control.stopping) throw error;
        this.logger.warn({ err: error, topic, attempt }, 'dead-letter publish failed; retrying');
        await sleep(backoffDelay(this.retry, Math.min(attempt, 10)));
        await control.heartbeat().catch(() => undefined);
      }
    }
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
