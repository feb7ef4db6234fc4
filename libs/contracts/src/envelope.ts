import { z } from 'zod';

/** The services that produce events. A topic's first segment is always one of these. */
export const SERVICE_NAMES = [
  'registration',
  'submissions',
  'evaluation',
  'replication',
  'notifications',
  'gateway',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * The envelope every event travels in. The payload is validated separately against the
 * event's own schema (see EventDescriptor); W3C `traceparent` travels in Kafka headers.
 */
export const eventEnvelopeSchema = z.strictObject({
  eventId: z.uuid(),
  type: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  producer: z.enum(SERVICE_NAMES),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128).nullable(),
  payload: z.unknown(),
});

export type EventEnvelope<TPayload = unknown> = Omit<
  z.infer<typeof eventEnvelopeSchema>,
  'payload'
> & { payload: TPayload };
