import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import { MessageDeadLetteredV1 } from '@kipp/contracts';
import { createEvent, pushToOutbox } from '@kipp/messaging';
import {
  MESSAGE_MODEL,
  MESSAGE_STATUSES,
  type MessageDocument,
  type MessageLogEntry,
  type MessageStatus,
} from '../notification/message.schema';

export type DeadLetterReason = 'RETRIES_EXHAUSTED' | 'REJECTED' | 'INTERRUPTED';

/** A message this replica holds a `sending` claim on. */
export interface ClaimedMessage extends MessageDocument {
  claimedBy: string;
  claimedAt: Date;
}

const MAX_ERROR_LENGTH = 2000;

/** The claim given up, as every settling write leaves it. */
function unclaimed(now: Date): { claimedBy: null; claimedAt: null; updatedAt: Date } {
  return { claimedBy: null, claimedAt: null, updatedAt: now };
}

function entry(at: Date, status: MessageStatus, detail: string): MessageLogEntry {
  return { at, status, detail: detail.slice(0, MAX_ERROR_LENGTH) };
}

/**
 * Every status change of an email. Each is one conditional update guarded by the status it
 * expects (and, once claimed, by the claim), so two replicas never both settle a message.
 */
@Injectable()
export class DeliveryRepository {
  constructor(@InjectModel(MESSAGE_MODEL) private readonly messages: Model<MessageDocument>) {}

  /** Takes the most overdue pending email, if any, for `replicaId`. */
  async claimNext(replicaId: string, now: Date): Promise<ClaimedMessage | null> {
    return this.messages
      .findOneAndUpdate(
        { channel: 'email', status: 'pending', nextAttemptAt: { $lte: now } },
        { $set: { status: 'sending', claimedBy: replicaId, claimedAt: now, updatedAt: now } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      )
      .lean<ClaimedMessage>()
      .exec();
  }

  /** Gives a claim back untouched (no rate-limit token): attempts stay as they were. */
  async release(message: ClaimedMessage, nextAttemptAt: Date, now: Date): Promise<boolean> {
    return this.settle(message, {
      $set: {
        status: 'pending',
        nextAttemptAt,
        ...unclaimed(now),
      },
    });
  }

  /** `rateWindow`: the epoch second whose provider budget the mail was sent on (logged). */
  async markSent(
    message: ClaimedMessage,
    providerMessageId: string,
    now: Date,
    rateWindow: number,
  ): Promise<boolean> {
    return this.settle(message, {
      $set: {
        status: 'sent',
        sentAt: now,
        providerMessageId,
        attempts: message.attempts + 1,
        nextAttemptAt: null,
        ...unclaimed(now),
      },
      $push: {
        log: entry(
          now,
          'sent',
          `${message.claimedBy} handed it to the relay as ${providerMessageId} (rate window ${rateWindow})`,
        ),
      },
    });
  }

  async scheduleRetry(
    message: ClaimedMessage,
    error: string,
    nextAttemptAt: Date,
    now: Date,
  ): Promise<boolean> {
    const attempts = message.attempts + 1;
    return this.settle(message, {
      $set: {
        status: 'pending',
        attempts,
        nextAttemptAt,
        lastError: error.slice(0, MAX_ERROR_LENGTH),
        ...unclaimed(now),
      },
      $push: {
        log: entry(
          now,
          'pending',
          `attempt ${attempts} failed: ${error}; next at ${nextAttemptAt.toISOString()}`,
        ),
      },
    });
  }

  /** `failed` and its dead-letter event, in the same single-document write. */
  async markFailed(
    message: ClaimedMessage,
    failure: {
      error: string;
      reason: Exclude<DeadLetterReason, 'INTERRUPTED'>;
      attempted: boolean;
    },
    now: Date,
  ): Promise<boolean> {
    const attempts = message.attempts + (failure.attempted ? 1 : 0);
    return this.settle(message, {
      $set: {
        status: 'failed',
        attempts,
        nextAttemptAt: null,
        lastError: failure.error.slice(0, MAX_ERROR_LENGTH),
        ...unclaimed(now),
      },
      $push: {
        log: entry(now, 'failed', `${failure.reason}: ${failure.error}`),
        ...pushToOutbox([deadLetter(message, failure.reason, attempts, failure.error, now)]),
      },
    });
  }

  /** `sending` claims older than `claimedBefore`: their replica died while the relay had them. */
  async staleClaims(claimedBefore: Date, limit: number): Promise<ClaimedMessage[]> {
    return this.messages
      .find({ channel: 'email', status: 'sending', claimedAt: { $lt: claimedBefore } })
      .sort({ claimedAt: 1 })
      .limit(limit)
      .lean<ClaimedMessage[]>()
      .exec();
  }

  /** Never resent on its own: whether the relay delivered it is unknown (at most once). */
  async markInterrupted(message: ClaimedMessage, now: Date): Promise<boolean> {
    const error =
      message.lastError ??
      `claimed by ${message.claimedBy} at ${message.claimedAt.toISOString()} and never settled`;
    return this.settle(message, {
      $set: {
        status: 'interrupted',
        nextAttemptAt: null,
        lastError: error.slice(0, MAX_ERROR_LENGTH),
        ...unclaimed(now),
      },
      $push: {
        log: entry(
          now,
          'interrupted',
          `INTERRUPTED: ${message.claimedBy} held it since ${message.claimedAt.toISOString()}; not resent`,
        ),
        ...pushToOutbox([deadLetter(message, 'INTERRUPTED', message.attempts, error, now)]),
      },
    });
  }

  /** The notice's in-app copy for the same recipient (same id, `:inbox`), if it has one. */
  async inboxCopyOf(
    message: Pick<MessageDocument, '_id'>,
  ): Promise<{ _id: string; requiresAck: boolean } | null> {
    if (!message._id.endsWith(':email')) return null;
    return this.messages
      .findById(`${message._id.slice(0, -':email'.length)}:inbox`, { requiresAck: 1 })
      .lean<{ _id: string; requiresAck: boolean }>()
      .exec();
  }

  async findById(id: string): Promise<MessageDocument | null> {
    return this.messages.findById(id).lean<MessageDocument>().exec();
  }

  async list(filter: QueryFilter<MessageDocument>, limit: number): Promise<MessageDocument[]> {
    return this.messages
      .find(filter, { outbox: 0, params: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit)
      .lean<MessageDocument[]>()
      .exec();
  }

  async countByStatus(
    filter: QueryFilter<MessageDocument>,
  ): Promise<Record<MessageStatus, number>> {
    const counts = await Promise.all(
      MESSAGE_STATUSES.map(
        async (status) =>
          [status, await this.messages.countDocuments({ ...filter, status }).exec()] as const,
      ),
    );
    return Object.fromEntries(counts) as Record<MessageStatus, number>;
  }

  /** A person's decision to try a failed or interrupted email again. */
  async requeue(
    id: string,
    from: MessageStatus,
    requestedBy: string,
    now: Date,
  ): Promise<MessageDocument | null> {
    return this.messages
      .findOneAndUpdate(
        { _id: id, channel: 'email', status: from },
        {
          $set: {
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            ...unclaimed(now),
          },
          $push: { log: entry(now, 'pending', `resend requested by ${requestedBy}`) },
        },
        { returnDocument: 'after' },
      )
      .lean<MessageDocument>()
      .exec();
  }

  /** Held digest messages due by `now`, oldest first. */
  async dueDigestItems(now: Date, limit: number): Promise<MessageDocument[]> {
    return this.messages
      .find({ status: 'digest', digestAt: { $lte: now } }, { outbox: 0 })
      .sort({ digestAt: 1, createdAt: 1 })
      .limit(limit)
      .lean<MessageDocument[]>()
      .exec();
  }

  async digestItemsOf(
    recipient: { accountId: string | null; email: string },
    digestAt: Date,
    session: ClientSession,
  ): Promise<MessageDocument[]> {
    return this.messages
      .find(
        {
          status: 'digest',
          digestAt,
          ...(recipient.accountId === null
            ? { 'recipient.accountId': null, 'recipient.email': recipient.email }
            : { 'recipient.accountId': recipient.accountId }),
        },
        { outbox: 0 },
      )
      .sort({ createdAt: 1 })
      .session(session)
      .lean<MessageDocument[]>()
      .exec();
  }

  /** Marks digest items as gone out in `digestMessageId`; false if any was taken meanwhile. */
  async markDigested(
    ids: readonly string[],
    digestMessageId: string,
    session: ClientSession,
    now: Date,
  ): Promise<boolean> {
    const result = await this.messages
      .updateMany(
        { _id: { $in: [...ids] }, status: 'digest' },
        {
          $set: { status: 'digested', digestMessageId, updatedAt: now },
          $push: { log: entry(now, 'digested', `sent inside ${digestMessageId}`) },
        },
        { session },
      )
      .exec();
    return result.modifiedCount === ids.length;
  }

  /** A digest item that cannot be rendered: failed and dead-lettered, in the digest's transaction. */
  async failDigestItem(
    message: MessageDocument,
    error: string,
    session: ClientSession,
    now: Date,
  ): Promise<boolean> {
    const result = await this.messages
      .updateOne(
        { _id: message._id, status: 'digest' },
        {
          $set: { status: 'failed', lastError: error.slice(0, MAX_ERROR_LENGTH), updatedAt: now },
          $push: {
            log: entry(now, 'failed', `REJECTED: ${error}`),
            ...pushToOutbox([deadLetter(message, 'REJECTED', message.attempts, error, now)]),
          },
        },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  private async settle(message: ClaimedMessage, update: Record<string, unknown>): Promise<boolean> {
    const result = await this.messages
      .updateOne(
        {
          _id: message._id,
          status: 'sending',
          claimedBy: message.claimedBy,
          claimedAt: message.claimedAt,
        },
        update,
      )
      .exec();
    return result.modifiedCount === 1;
  }
}

function deadLetter(
  message: MessageDocument,
  reason: DeadLetterReason,
  attempts: number,
  error: string,
  now: Date,
) {
  return createEvent(MessageDeadLetteredV1, {
    messageId: message._id,
    noticeId: message.noticeId,
    template: message.template,
    channel: 'email',
    recipientAccountId: message.recipient.accountId,
    recipientEmail: message.recipient.email,
    reason,
    attempts,
    lastError: error.slice(0, MAX_ERROR_LENGTH),
    deadLetteredAt: now.toISOString(),
  });
}
