import { randomUUID } from 'node:crypto';
import { eventEnvelopeSchema, type EventDescriptor, type EventEnvelope } from '@kipp/contracts';

export interface RawEventMessage {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/**
 * Builds the wire form of an event, starting from the descriptor's example, for tests that
 * play the producer (or write poison on purpose with `produceRaw`). The payload is
 * validated, so a builder-made event is always one consumers accept.
 */
export function buildEvent<TPayload>(
  descriptor: EventDescriptor<TPayload>,
  payload: Partial<TPayload> = {},
  envelope: Partial<Omit<EventEnvelope, 'payload'>> = {},
): RawEventMessage & { readonly eventId: string } {
  const full = descriptor.schema.parse({ ...descriptor.example, ...payload });
  const built = eventEnvelopeSchema.parse({
    eventId: randomUUID(),
    type: descriptor.type,
    version: descriptor.version,
    occurredAt: new Date().toISOString(),
    producer: descriptor.producer,
    correlationId: randomUUID(),
    causationId: null,
    ...envelope,
    payload: full,
  });
  return {
    eventId: built.eventId,
    key: descriptor.key(full),
    value: JSON.stringify(built),
    headers: { 'x-event-id': built.eventId, 'x-correlation-id': built.correlationId },
  };
}
