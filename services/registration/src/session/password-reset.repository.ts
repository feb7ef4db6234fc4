import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { PendingEvent } from '@kipp/messaging';
import { PASSWORD_RESET_MODEL, type PasswordReset } from './session.schema';

@Injectable()
export class PasswordResetRepository {
  constructor(@InjectModel(PASSWORD_RESET_MODEL) private readonly model: Model<PasswordReset>) {}

  /** Stores the reset together with the event that has its link mailed. */
  async insert(
    reset: Omit<PasswordReset, 'outbox' | 'createdAt' | 'updatedAt'>,
    events: readonly PendingEvent[],
  ): Promise<void> {
    await this.model.create({ ...reset, outbox: [...events] });
  }

  async findUsable(tokenHash: string, now: Date): Promise<PasswordReset | null> {
    return this.model
      .findOne({ tokenHash, usedAt: null, expiresAt: { $gt: now } })
      .select('-outbox')
      .lean<PasswordReset>()
      .exec();
  }

  /** Uses the reset up; false when it was used meanwhile. */
  async markUsed(resetId: string, now: Date, session: ClientSession): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: resetId, usedAt: null, expiresAt: { $gt: now } },
        { $set: { usedAt: now } },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
