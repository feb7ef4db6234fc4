import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SIGN_IN_CHALLENGE_MODEL, type SignInChallenge, type SignInStep } from './session.schema';

@Injectable()
export class SignInChallengeRepository {
  constructor(
    @InjectModel(SIGN_IN_CHALLENGE_MODEL) private readonly model: Model<SignInChallenge>,
  ) {}

  async insert(challenge: Omit<SignInChallenge, 'createdAt' | 'updatedAt'>): Promise<void> {
    await this.model.create(challenge);
  }

  /** The live challenge with this hash for this step, without using it up. */
  async findLive(hash: string, step: SignInStep, now: Date): Promise<SignInChallenge | null> {
    return this.model
      .findOne({ _id: hash, step, expiresAt: { $gt: now } })
      .lean<SignInChallenge>()
      .exec();
  }

  /** Uses the challenge up; false when another request used it first. */
  async consume(hash: string, step: SignInStep, now: Date): Promise<boolean> {
    const removed = await this.model
      .findOneAndDelete({ _id: hash, step, expiresAt: { $gt: now } })
      .lean<SignInChallenge>()
      .exec();
    return removed !== null;
  }

  async offerTotpSecret(hash: string, pendingTotpSecretSealed: string): Promise<void> {
    await this.model.updateOne({ _id: hash }, { $set: { pendingTotpSecretSealed } }).exec();
  }

  /** Counts a wrong code; the challenge dies after `maxAttempts`, so codes cannot be guessed. */
  async recordFailedAttempt(hash: string, maxAttempts: number): Promise<void> {
    const updated = await this.model
      .findOneAndUpdate({ _id: hash }, { $inc: { failedAttempts: 1 } }, { returnDocument: 'after' })
      .lean<SignInChallenge>()
      .exec();
    if (updated && updated.failedAttempts >= maxAttempts) {
      await this.model.deleteOne({ _id: hash }).exec();
    }
  }
}
