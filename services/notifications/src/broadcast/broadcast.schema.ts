import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';
import type { Audience } from '../directory/directory';
import type { LocalizedText } from '../notification/contract-types';

export const BROADCAST_STATUSES = ['fanning-out', 'done'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * A national admin's message to a selection of people. Its id is also its notice id, so the
 * messages it fans out to (one per recipient and channel) have deterministic ids: a fan-out
 * resumed after a crash writes nothing twice.
 */
export interface BroadcastDocument {
  _id: string;
  /** The national admin who sent it; idempotency keys are theirs. */
  sentBy: string;
  idempotencyKey: string;
  /** SHA-256 of the request body as parsed, to tell a retry from a reused key. */
  requestHash: string;
  subject: LocalizedText;
  body: LocalizedText;
  audience: Audience;
  mandatory: boolean;
  requiresAck: boolean;
  /** The audience as resolved when it was sent, sorted: the fan-out's fixed work list. */
  recipientIds: string[];
  recipientCount: number;
  /** Chunks of `recipientIds` already written, each in its own transaction. */
  chunksDone: number;
  status: BroadcastStatus;
  /** A replica fanning it out holds it until then; afterwards recovery may take it over. */
  claimedUntil: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const BROADCAST_MODEL = 'Broadcast';

export const broadcastSchema = new Schema<BroadcastDocument>(
  {
    _id: { type: String, required: true },
    sentBy: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    requestHash: { type: String, required: true },
    subject: {
      _id: false,
      id: { type: String, required: true },
      en: { type: String, required: true },
    },
    body: {
      _id: false,
      id: { type: String, required: true },
      en: { type: String, required: true },
    },
    audience: { type: Schema.Types.Mixed, required: true },
    mandatory: { type: Boolean, required: true },
    requiresAck: { type: Boolean, required: true },
    recipientIds: { type: [String], required: true },
    recipientCount: { type: Number, required: true },
    chunksDone: { type: Number, required: true, default: 0 },
    status: { type: String, required: true },
    claimedUntil: { type: Date, default: null },
    completedAt: { type: Date, default: null },
  },
  { ...schemaOptions('broadcasts'), minimize: false },
);

// A retried POST finds its broadcast; a reused key is told apart by the request hash.
broadcastSchema.index({ sentBy: 1, idempotencyKey: 1 }, { unique: true });
// Recovery: unfinished fan-outs whose claim has lapsed.
broadcastSchema.index({ status: 1, claimedUntil: 1 });
// The list, newest first.
broadcastSchema.index({ createdAt: -1, _id: -1 });
