import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { EventDescriptor } from '@kipp/contracts';
import { extractTraceContext, injectTraceHeaders } from '@kipp/observability';
import type { Broker, OutgoingMessage } from '../broker/broker';
import { createEvent, type EventOrigin, type PendingEvent } from '../pending-event';
import type { TopicNamer } from '../topic-namer';

const tracer = trace.getTracer('@kipp/messaging');

/**
 * Publishes events straight to the broker. Use cases that change state publish through the
 * outbox instead (createEvent + pushToOutbox); this is for the relay and for facts that
 * have no state of their own to commit.
 */
export class EventPublisher {
  constructor(
    private readonly broker: Broker,
    private readonly topics: TopicNamer,
  ) {}

  async publish<TPayload>(
    descriptor: EventDescriptor<TPayload>,
    payload: TPayload,
    origin?: EventOrigin,
  ): Promise<PendingEvent> {
    const event = createEvent(descriptor, payload, origin);
    await this.publishPending([event]);
    return event;
  }

  /**
   * Sends events in one batch; events with one key keep their order. Each event gets a
   * `publish` span in the trace it was created in (not the caller's), and the consumer's
   * span becomes its child.
   */
  async publishPending(events: readonly PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    const spans = events.map((event) => {
      const topic = this.topics.topicOf(event);
      const origin = extractTraceContext(event.headers);
      const span = tracer.startSpan(
        `${topic} publish`,
        {
          kind: SpanKind.PRODUCER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.destination.name': topic,
            'messaging.message.id': event.eventId,
            'messaging.kafka.message.key': event.key,
          },
        },
        origin,
      );
      const headers = { ...event.headers };
      injectTraceHeaders(headers, trace.setSpan(origin, span));
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: event.key, value: event.value, headers });
      byTopic.set(topic, messages);
      return span;
    });
    try {
      const producer = await this.broker.producer();
      await producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
    } catch (error) {
      for (const span of spans) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }
}
