import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';
import type { TimeZone } from '@kipp/contracts';
import type { Category, Channel, TemplateId } from './catalogue';
import type { Locale } from './contract-types';

/**
 * - `pending`: an email waiting for its (next) attempt at `nextAttemptAt`.
 * - `sending`: claimed by one replica, in the hands of the SMTP relay.
 * - `sent`: the relay accepted the email.
 * - `failed`: every attempt failed (or the relay refused it); dead-lettered.
 * - `interrupted`: its replica died mid-send; whether it arrived is unknown, so it is not
 *   sent again on its own (at most once); dead-lettered.
 * - `suppressed`: the recipient opted out of the category; kept for the delivery log.
 * - `digest`: held for the recipient's daily digest at `digestAt`.
 * - `digested`: went out inside the digest `digestMessageId`.
 * - `delivered`: an in-app message, in the recipient's inbox.
 */
export const MESSAGE_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'interrupted',
  'suppressed',
  'digest',
  'digested',
  'delivered',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageRecipient {
  accountId: string | null;
  email: string;
  name: string;
  locale: Locale;
  timeZone: TimeZone;
}

export interface MessageLogEntry {
  at: Date;
  status: MessageStatus;
  detail: string;
}

/** What a message is about, for the delivery log's filters. */
export interface MessageRefs {
  editionId: string | null;
  proposalId: string | null;
  institutionId: string | null;
}

/** Its outbox carries the message's dead-letter event (written with the `failed` status). */
export interface MessageDocument extends Partial<OutboxFields> {
  /** `<noticeId>:<recipient>:<channel>`, see `messageIdOf`. */
  _id: string;
  noticeId: string;
  template: TemplateId;
  category: Category;
  mandatory: boolean;
  urgent: boolean;
  requiresAck: boolean;
  channel: Channel;
  recipient: MessageRecipient;
  /** `TemplateParams[template]`; rendered when sent (email) or read (inbox). */
  params: Record<string, unknown>;
  refs: MessageRefs;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** The replica holding a `sending` claim, and since when. */
  claimedBy: string | null;
  claimedAt: Date | null;
  sentAt: Date | null;
  /** The relay's Message-ID. */
  providerMessageId: string | null;
  digestAt: Date | null;
  digestMessageId: string | null;
  readAt: Date | null;
  acknowledgedAt: Date | null;
  log: MessageLogEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export const MESSAGE_MODEL = 'Message';

export const messageSchema = new Schema<MessageDocument>(
  {
    _id: { type: String, required: true },
    noticeId: { type: String, required: true },
    template: { type: String, required: true },
    category: { type: String, required: true },
    mandatory: { type: Boolean, required: true },
    urgent: { type: Boolean, required: true },
    requiresAck: { type: Boolean, required: true },
    channel: { type: String, required: true },
    recipient: {
      _id: false,
      accountId: { type: String, default: null },
      email: { type: String, required: true },
      name: { type: String, required: true },
      locale: { type: String, required: true },
      timeZone: { type: String, required: true },
    },
    params: { type: Schema.Types.Mixed, required: true },
    refs: {
      _id: false,
      editionId: { type: String, default: null },
      proposalId: { type: String, default: null },
      institutionId: { type: String, default: null },
    },
    status: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    claimedBy: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    sentAt: { type: Date, default: null },
    providerMessageId: { type: String, default: null },
    digestAt: { type: Date, default: null },
    digestMessageId: { type: String, default: null },
    readAt: { type: Date, default: null },
    acknowledgedAt: { type: Date, default: null },
    log: [{ _id: false, at: Date, status: String, detail: String }],
  },
  { ...schemaOptions('messages'), minimize: false },
);

messageSchema.plugin(outboxPlugin);

// The dispatcher's queue: due emails, and claims to recover.
messageSchema.index({ channel: 1, status: 1, nextAttemptAt: 1 });
// Digests due.
messageSchema.index({ status: 1, digestAt: 1 });
// A recipient's inbox, newest first.
messageSchema.index({ 'recipient.accountId': 1, channel: 1, createdAt: -1 });
// Everyone a notice went to (acknowledgements, broadcasts), newest first for the
// acknowledgement list's pages.
messageSchema.index({ noticeId: 1, channel: 1, createdAt: -1, _id: -1 });
// The delivery log, newest first.
messageSchema.index({ createdAt: -1 });
