import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { CURRENT_SLOT, SIGNING_KEY_MODEL, type SigningKey } from './signing-key.schema';

export type NewSigningKey = Omit<SigningKey, 'outbox' | 'createdAt' | 'updatedAt' | 'slot'>;

@Injectable()
export class SigningKeyRepository {
  constructor(@InjectModel(SIGNING_KEY_MODEL) private readonly model: Model<SigningKey>) {}

  async findCurrent(): Promise<SigningKey | null> {
    return this.model.findOne({ slot: CURRENT_SLOT }).lean<SigningKey>().exec();
  }

  /** Stores a new current key with its publication event; false when another replica won. */
  async insertCurrent(key: NewSigningKey, events: readonly PendingEvent[]): Promise<boolean> {
    try {
      await this.model.create({ ...key, slot: CURRENT_SLOT, outbox: [...events] });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Keys whose tokens are still accepted somewhere: the current one and those not yet retired. */
  async findPublishable(now: Date): Promise<SigningKey[]> {
    return this.model
      .find({ $or: [{ retiresAt: null }, { retiresAt: { $gt: now } }] })
      .lean<SigningKey[]>()
      .exec();
  }
}
