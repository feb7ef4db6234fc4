import { Schema } from 'mongoose';
import type { PendingEvent } from '../pending-event';

/**
 * Events waiting to be published are kept inside the aggregate document they belong to,
 * so the state change and its events are one single-document write: atomic on every
 * MongoDB-protocol database, with or without multi-document transactions.
 */
export interface OutboxFields {
  outbox: PendingEvent[];
  outboxLockedUntil?: Date | null;
  outboxClaim?: string | null;
}

const outboxEntrySchema = new Schema<PendingEvent>(
  {
    eventId: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    headers: { type: Map, of: String, default: {} },
    createdAt: { type: Date, required: true },
  },
  { _id: false },
);

/** Mongoose plugin that gives an aggregate schema its outbox. */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    outbox: { type: [outboxEntrySchema], default: [] },
    outboxLockedUntil: { type: Date, default: null },
    outboxClaim: { type: String, default: null },
  });
  // The relay looks for documents with pending events; a sparse index on the entries'
  // ids holds exactly those documents.
  schema.index({ 'outbox.eventId': 1 }, { sparse: true, name: 'outbox_pending' });
}

/** `$push` clause appending events to a document's outbox, for use in an update. */
export function pushToOutbox(events: readonly PendingEvent[]): {
  outbox: { $each: PendingEvent[] };
} {
  return { outbox: { $each: [...events] } };
}
