import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { MESSAGE_MODEL, type MessageDocument } from '../notification/message.schema';
import { NOTICE_MODEL, type NoticeDocument } from '../notification/notice.schema';
import type { TemplateId } from '../notification/catalogue';
import { afterCursor, type PageCursor } from '../paging/page-cursor';

/** What the acknowledgement list reads of an inbox copy. */
export type AcknowledgementCopy = Pick<
  MessageDocument,
  '_id' | 'recipient' | 'readAt' | 'acknowledgedAt' | 'createdAt'
>;

/** Suppressed copies (the person opted out) stay in the delivery log, never in the inbox. */
function inboxOf(accountId: string): QueryFilter<MessageDocument> {
  return { 'recipient.accountId': accountId, channel: 'inbox', status: 'delivered' };
}

export interface NoticeFilter {
  readonly requiresAck?: boolean;
  readonly template?: TemplateId;
  readonly editionId?: string;
  /** Only notices about this institution (a local admin's view). */
  readonly institutionId?: string;
}

/** The inbox copies of messages, and the notices they belong to. */
@Injectable()
export class InboxRepository {
  constructor(
    @InjectModel(MESSAGE_MODEL) private readonly messages: Model<MessageDocument>,
    @InjectModel(NOTICE_MODEL) private readonly notices: Model<NoticeDocument>,
  ) {}

  async page(
    accountId: string,
    options: { unread?: boolean; limit: number; cursor: PageCursor | null },
  ): Promise<MessageDocument[]> {
    const filter: QueryFilter<MessageDocument> = {
      ...inboxOf(accountId),
      ...afterCursor(options.cursor),
    };
    if (options.unread !== undefined) filter.readAt = options.unread ? null : { $ne: null };
    return this.messages
      .find(filter)
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit + 1)
      .lean<MessageDocument[]>()
      .exec();
  }

  async counts(accountId: string): Promise<{ unread: number; awaitingAcknowledgement: number }> {
    const [unread, awaitingAcknowledgement] = await Promise.all([
      this.messages.countDocuments({ ...inboxOf(accountId), readAt: null }).exec(),
      this.messages
        .countDocuments({ ...inboxOf(accountId), requiresAck: true, acknowledgedAt: null })
        .exec(),
    ]);
    return { unread, awaitingAcknowledgement };
  }

  async findOwn(accountId: string, messageId: string): Promise<MessageDocument | null> {
    return this.messages
      .findOne({ ...inboxOf(accountId), _id: messageId })
      .lean<MessageDocument>()
      .exec();
  }

  /** Sets `readAt` unless already set (the first reading counts); not the caller's: no-op. */
  async markRead(accountId: string, messageId: string, now: Date): Promise<void> {
    await this.messages
      .updateOne(
        { ...inboxOf(accountId), _id: messageId, readAt: null },
        { $set: { readAt: now, updatedAt: now } },
      )
      .exec();
  }

  async markAllRead(accountId: string, now: Date): Promise<number> {
    const result = await this.messages
      .updateMany(
        { ...inboxOf(accountId), readAt: null },
        { $set: { readAt: now, updatedAt: now } },
      )
      .exec();
    return result.modifiedCount;
  }

  async acknowledge(accountId: string, messageId: string, now: Date): Promise<void> {
    await this.messages
      .updateOne(
        { ...inboxOf(accountId), _id: messageId, requiresAck: true, acknowledgedAt: null },
        { $set: { acknowledgedAt: now, updatedAt: now } },
      )
      .exec();
  }

  async notice(noticeId: string): Promise<NoticeDocument | null> {
    return this.notices.findById(noticeId).lean<NoticeDocument>().exec();
  }

  async noticePage(
    filter: NoticeFilter,
    options: { limit: number; cursor: PageCursor | null },
  ): Promise<NoticeDocument[]> {
    const query: QueryFilter<NoticeDocument> = { ...afterCursor(options.cursor) };
    if (filter.requiresAck !== undefined) query.requiresAck = filter.requiresAck;
    if (filter.template) query.template = filter.template;
    if (filter.editionId) query['refs.editionId'] = filter.editionId;
    if (filter.institutionId) query['refs.institutionId'] = filter.institutionId;
    return this.notices
      .find(query)
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit + 1)
      .lean<NoticeDocument[]>()
      .exec();
  }

  /** Per notice: delivered inbox copies, and how many of them were acknowledged. */
  async acknowledgementCounts(
    noticeIds: readonly string[],
  ): Promise<Map<string, { delivered: number; acknowledged: number }>> {
    if (noticeIds.length === 0) return new Map();
    const rows = await this.messages
      .aggregate<{ _id: string; delivered: number; acknowledged: number }>([
        { $match: { noticeId: { $in: [...noticeIds] }, channel: 'inbox', status: 'delivered' } },
        {
          $group: {
            _id: '$noticeId',
            delivered: { $sum: 1 },
            acknowledged: { $sum: { $cond: [{ $eq: ['$acknowledgedAt', null] }, 0, 1] } },
          },
        },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row]));
  }

  /**
   * One page of a notice's delivered inbox copies, newest first, with only what the
   * acknowledgement list shows: a broadcast has thousands, each carrying its rendered text.
   */
  async acknowledgementPage(
    noticeId: string,
    options: { acknowledged?: boolean; limit: number; cursor: PageCursor | null },
  ): Promise<AcknowledgementCopy[]> {
    const query: QueryFilter<MessageDocument> = {
      noticeId,
      channel: 'inbox',
      status: 'delivered',
      ...afterCursor(options.cursor),
    };
    if (options.acknowledged !== undefined) {
      query.acknowledgedAt = options.acknowledged ? { $ne: null } : null;
    }
    return this.messages
      .find(query)
      .select({ recipient: 1, readAt: 1, acknowledgedAt: 1, createdAt: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit + 1)
      .lean<AcknowledgementCopy[]>()
      .exec();
  }
}
