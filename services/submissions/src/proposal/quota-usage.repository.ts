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
   * Takes one place if fewer than `quota` are used: a conditional increment, so two forwards
   * racing in their transactions conflict on this document and the loser re-reads. False
   * when the quota is used up.
   */
  async reserve(key: QuotaKey, quota: number, session: ClientSession): Promise<boolean> {
    if (quota <= 0) return false;
    const _id = idOf(key);
    const current = await this.model.findById(_id).session(session).lean<QuotaUsage>().exec();
    if (!current) {
      await this.model.create([{ _id, used: 1 }], { session });
      return true;
    }
    const result = await this.model
      .updateOne({ _id, used: { $lt: quota } }, { $inc: { used: 1 } }, { session })
      .exec();
    return result.modifiedCount === 1;
  }

  async release(key: QuotaKey, session: ClientSession): Promise<void> {
    await this.model
      .updateOne({ _id: idOf(key), used: { $gt: 0 } }, { $inc: { used: -1 } }, { session })
      .exec();
  }
}
