import { randomUUID } from 'node:crypto';
import type { EventDescriptor, EventEnvelope } from '@kipp/contracts';
import { currentContext, injectTraceHeaders, newCorrelationId } from '@kipp/observability';

/** Header names the platform sets on every event message. */
export const EVENT_HEADERS = {
  eventId: 'x-event-id',
  eventType: 'x-event-type',
  eventVersion: 'x-event-version',
  correlationId: 'x-correlation-id',
} as const;

/**
 * A fully formed event waiting to be published: the serialized envelope plus the headers
 * that carry the trace context of the moment it was created. Outbox entries store exactly
 * this, so the relay publishes later with the original trace and correlation.
 */
export interface PendingEvent {
  readonly eventId: string;
  /** The contract topic (without any test prefix). */
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
  readonly createdAt: Date;
}

export interface EventOrigin {
  readonly correlationId?: string;
  readonly causationId?: string | null;
  readonly eventId?: string;
  readonly now?: Date;
}

export class InvalidEventPayloadError extends Error {
  override readonly name = 'InvalidEventPayloadError';
  constructor(
    readonly topic: string,
    readonly issues: string,
  ) {
    super(`payload does not satisfy ${topic}: ${issues}`);
  }
}

/**
 * Builds an event from a descriptor and a payload. The payload is validated against the
 * contract here, so a producer can never emit what its consumers would dead-letter.
 * Correlation and causation default to the current request or event context.
 */
export function createEvent<TPayload>(
  descriptor: EventDescriptor<TPayload>,
  payload: TPayload,
  origin: EventOrigin = {},
): PendingEvent {
  const parsed = descriptor.schema.safeParse(payload);
  if (!parsed.success) {
    throw new InvalidEventPayloadError(
      descriptor.topic,
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const context = currentContext();
  const createdAt = origin.now ?? new Date();
  const envelope: EventEnvelope<TPayload> = {
    eventId: origin.eventId ?? randomUUID(),
    type: descriptor.type,
    version: descriptor.version,
    occurredAt: createdAt.toISOString(),
    producer: descriptor.producer,
    correlationId: origin.correlationId ?? context?.correlationId ?? newCorrelationId(),
    causationId:
      origin.causationId !== undefined ? origin.causationId : (context?.causationId ?? null),
    payload: parsed.data,
  };
  const headers: Record<string, string> = {
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.eventType]: envelope.type,
    [EVENT_HEADERS.eventVersion]: String(envelope.version),
    [EVENT_HEADERS.correlationId]: envelope.correlationId,
  };
  injectTraceHeaders(headers);
  return {
    eventId: envelope.eventId,
    topic: descriptor.topic,
    key: descriptor.key(parsed.data),
    value: JSON.stringify(envelope),
    headers,
    createdAt,
  };
}
