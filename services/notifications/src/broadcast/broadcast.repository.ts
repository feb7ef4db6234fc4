import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { MESSAGE_MODEL, type MessageDocument } from '../notification/message.schema';
import { afterCursor, type PageCursor } from '../paging/page-cursor';
import { BROADCAST_MODEL, type BroadcastDocument } from './broadcast.schema';
import { unsetOrAtMost } from '@kipp/mongo';

/** Per broadcast, per channel: messages by status. */
export type DeliveryCounts = Record<string, Record<string, number>>;

@Injectable()
export class BroadcastRepository {
  constructor(
    @InjectModel(BROADCAST_MODEL) private readonly broadcasts: Model<BroadcastDocument>,
    @InjectModel(MESSAGE_MODEL) private readonly messages: Model<MessageDocument>,
  ) {}

  async findByKey(sentBy: string, idempotencyKey: string): Promise<BroadcastDocument | null> {
    return this.broadcasts.findOne({ sentBy, idempotencyKey }).lean<BroadcastDocument>().exec();
  }

  async find(broadcastId: string): Promise<BroadcastDocument | null> {
    return this.broadcasts.findById(broadcastId).lean<BroadcastDocument>().exec();
  }

  /** Throws a duplicate-key error when the sender already used the key. */
  async insert(broadcast: BroadcastDocument): Promise<void> {
    await this.broadcasts.create([broadcast]);
  }

  /** Takes the fan-out of an unfinished broadcast unless another replica holds it. */
  async claim(broadcastId: string, until: Date, now: Date): Promise<BroadcastDocument | null> {
    return this.broadcasts
      .findOneAndUpdate(
        {
          _id: broadcastId,
          status: 'fanning-out',
          claimedUntil: unsetOrAtMost(now),
        },
        { $set: { claimedUntil: until } },
        { new: true },
      )
      .lean<BroadcastDocument>()
      .exec();
  }

  async recordChunk(
    broadcastId: string,
    chunksDone: number,
    claimedUntil: Date,
    session: ClientSession,
  ): Promise<void> {
    await this.broadcasts
      .updateOne({ _id: broadcastId }, { $set: { chunksDone, claimedUntil } }, { session })
      .exec();
  }

  async complete(broadcastId: string, now: Date): Promise<void> {
    await this.broadcasts
      .updateOne(
        { _id: broadcastId },
        { $set: { status: 'done', completedAt: now, claimedUntil: null } },
      )
      .exec();
  }

  /** Unfinished broadcasts nobody holds (their replica died, or never started). */
  async abandoned(now: Date, limit: number): Promise<string[]> {
    const found = await this.broadcasts
      .find(
        {
          status: 'fanning-out',
          claimedUntil: unsetOrAtMost(now),
        },
        { _id: 1 },
      )
      .limit(limit)
      .lean<{ _id: string }[]>()
      .exec();
    return found.map((broadcast) => broadcast._id);
  }

  async page(options: { limit: number; cursor: PageCursor | null }): Promise<BroadcastDocument[]> {
    return this.broadcasts
      .find(afterCursor(options.cursor), { recipientIds: 0 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(options.limit + 1)
      .lean<BroadcastDocument[]>()
      .exec();
  }

  async deliveryCounts(broadcastIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
    if (broadcastIds.length === 0) return new Map();
    const rows = await this.messages
      .aggregate<{ _id: { noticeId: string; channel: string; status: string }; count: number }>([
        { $match: { noticeId: { $in: [...broadcastIds] } } },
        {
          $group: {
            _id: { noticeId: '$noticeId', channel: '$channel', status: '$status' },
            count: { $sum: 1 },
          },
        },
      ])
      .exec();
    const counts = new Map<string, DeliveryCounts>();
    for (const row of rows) {
      const byChannel = counts.get(row._id.noticeId) ?? {};
      byChannel[row._id.channel] = { ...byChannel[row._id.channel], [row._id.status]: row.count };
      counts.set(row._id.noticeId, byChannel);
    }
    return counts;
  }
}
