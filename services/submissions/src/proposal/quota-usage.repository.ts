import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { QUOTA_USAGE_MODEL, type QuotaUsage } from './quota-usage.schema';

export interface QuotaKey {
  readonly editionId: string;
  readonly institutionId: string;
  readonly groupId: string;
}

const idOf = (key: QuotaKey): string => `${key.editionId}:${key.institutionId}:${key.groupId}`;

@Injectable()
export class QuotaUsageRepository {
  constructor(@InjectModel(QUOTA_USAGE_MODEL) private readonly model: Model<QuotaUsage>) {}

  /**
   * Takes one place if fewer than `quota` are used, inside the caller's transaction, in two
   * writes that need no prior read: an upsert creates the usage at 0 if it is missing (its
   * `_id` is the key, so there is only ever one per edition, institution and group), then
   * a conditional increment takes a place only while `used < quota`. Two racing forwards
   * meet on that one document; the loser's transaction is retried and finds it full. False
   * when the quota is used up.
   */
  async reserve(key: QuotaKey, quota: number, session: ClientSession): Promise<boolean> {
    if (quota <= 0) return false;
    const _id = idOf(key);
    await this.model
      .updateOne({ _id }, { $setOnInsert: { used: 0 } }, { upsert: true, session })
      .exec();
    const taken = await this.model
      .updateOne({ _id, used: { $lt: quota } }, { $inc: { used: 1 } }, { session })
      .exec();
    return taken.matchedCount === 1;
  }

  /** Places used per group of one institution in one edition (absent: none used). */
  async usedPerGroup(
    editionId: string,
    institutionId: string,
    groupIds: readonly string[],
  ): Promise<Map<string, number>> {
    const keys = groupIds.map((groupId) => ({ editionId, institutionId, groupId }));
    // A bare id list: the one shape SecantusDB answers from the `_id` index.
    const rows = await this.model
      .find({ _id: { $in: keys.map(idOf) } })
      .lean<QuotaUsage[]>()
      .exec();
    const used = new Map(rows.map((row) => [row._id, row.used]));
    return new Map(keys.map((key) => [key.groupId, used.get(idOf(key)) ?? 0]));
  }

  async release(key: QuotaKey, session: ClientSession): Promise<void> {
    await this.model
      .updateOne({ _id: idOf(key), used: { $gt: 0 } }, { $inc: { used: -1 } }, { session })
      .exec();
  }
}
