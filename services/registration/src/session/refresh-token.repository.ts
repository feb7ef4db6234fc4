import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { REFRESH_TOKEN_MODEL, type RefreshToken } from './session.schema';

export type RotationOutcome =
  | { kind: 'rotated'; token: RefreshToken }
  | { kind: 'reused'; token: RefreshToken }
  | { kind: 'invalid' };

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectModel(REFRESH_TOKEN_MODEL) private readonly model: Model<RefreshToken>) {}

  async insert(token: Omit<RefreshToken, 'createdAt' | 'updatedAt'>): Promise<void> {
    await this.model.create(token);
  }

  /**
   * Marks the token used, atomically, so of two requests presenting it only one rotates.
   * A token that was rotated already is reported as reused: someone holds a copy.
   */
  async markRotated(hash: string, now: Date): Promise<RotationOutcome> {
    const rotated = await this.model
      .findOneAndUpdate(
        { _id: hash, rotatedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { $set: { rotatedAt: now } },
        { returnDocument: 'after' },
      )
      .lean<RefreshToken>()
      .exec();
    if (rotated) return { kind: 'rotated', token: rotated };
    const existing = await this.model.findById(hash).lean<RefreshToken>().exec();
    if (existing && existing.rotatedAt !== null && existing.revokedAt === null) {
      return { kind: 'reused', token: existing };
    }
    return { kind: 'invalid' };
  }

  async findByHash(hash: string): Promise<RefreshToken | null> {
    return this.model.findById(hash).lean<RefreshToken>().exec();
  }

  async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.model.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: now } }).exec();
  }

  /** Ends every session of the account, except the one of `keepFamilyId` when given. */
  async revokeAllOfAccount(
    accountId: string,
    now: Date,
    session?: ClientSession,
    keepFamilyId?: string,
  ): Promise<void> {
    const filter = {
      accountId,
      revokedAt: null,
      ...(keepFamilyId === undefined ? {} : { familyId: { $ne: keepFamilyId } }),
    };
    await this.model.updateMany(filter, { $set: { revokedAt: now } }, { session }).exec();
  }
}
