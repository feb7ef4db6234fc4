import type { EventDescriptor } from '@kipp/contracts';
import type { Broker, OutgoingMessage } from '../broker/broker';
import { createEvent, type EventOrigin, type PendingEvent } from '../pending-event';
import type { TopicNamer } from '../topic-namer';

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

  /** Sends events in one batch; events with one key keep their order. */
  async publishPending(events: readonly PendingEvent[]): Promise<void> {
    if (events.length === 0) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const event of events) {
      const topic = this.topics.topicOf(event);
      const messages = byTopic.get(topic) ?? [];
      messages.push({ key: event.key, value: event.value, headers: event.headers });
      byTopic.set(topic, messages);
    }
    const producer = await this.broker.producer();
    await producer.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
}
