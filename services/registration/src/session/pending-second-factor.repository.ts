import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { PENDING_SECOND_FACTOR_MODEL, type PendingSecondFactor } from './session.schema';

/** Secrets offered from account settings and not yet confirmed. */
@Injectable()
export class PendingSecondFactorRepository {
  constructor(
    @InjectModel(PENDING_SECOND_FACTOR_MODEL) private readonly model: Model<PendingSecondFactor>,
  ) {}

  /** Offers a new sealed secret to the account, replacing any earlier offer. */
  async offer(accountId: string, totpSecretSealed: string, expiresAt: Date): Promise<void> {
    await this.model
      .updateOne(
        { _id: accountId },
        { $set: { totpSecretSealed, failedAttempts: 0, expiresAt } },
        { upsert: true },
      )
      .exec();
  }

  async findLive(accountId: string, now: Date): Promise<PendingSecondFactor | null> {
    return this.model
      .findOne({ _id: accountId, expiresAt: { $gt: now } })
      .lean<PendingSecondFactor>()
      .exec();
  }

  /** Uses this very offer up; false when it was replaced or used meanwhile. */
  async consume(accountId: string, totpSecretSealed: string, now: Date): Promise<boolean> {
    const removed = await this.model
      .findOneAndDelete({ _id: accountId, totpSecretSealed, expiresAt: { $gt: now } })
      .lean<PendingSecondFactor>()
      .exec();
    return removed !== null;
  }

  /** Counts a wrong code; the offer dies after `maxAttempts`. */
  async recordFailedAttempt(accountId: string, maxAttempts: number): Promise<void> {
    const updated = await this.model
      .findOneAndUpdate(
        { _id: accountId },
        { $inc: { failedAttempts: 1 } },
        { returnDocument: 'after' },
      )
      .lean<PendingSecondFactor>()
      .exec();
    if (updated && updated.failedAttempts >= maxAttempts) {
      await this.model.deleteOne({ _id: accountId }).exec();
    }
  }
}
