import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OptionalCategory } from '../notification/catalogue';
import {
  DEFAULT_PREFERENCES,
  PREFERENCES_MODEL,
  type PreferencesDocument,
} from './preferences.schema';

export type Choices = Pick<PreferencesDocument, 'optedOut' | 'dailyDigest'>;

@Injectable()
export class PreferencesRepository {
  constructor(
    @InjectModel(PREFERENCES_MODEL) private readonly preferences: Model<PreferencesDocument>,
  ) {}

  /** Someone who never chose gets the defaults. */
  async of(accountId: string): Promise<Choices> {
    const found = await this.preferences.findById(accountId).lean<PreferencesDocument>().exec();
    return found
      ? { optedOut: found.optedOut, dailyDigest: found.dailyDigest }
      : { ...DEFAULT_PREFERENCES };
  }

  async replace(
    accountId: string,
    choices: { optedOut: readonly OptionalCategory[]; dailyDigest: boolean },
  ): Promise<void> {
    await this.preferences
      .updateOne(
        { _id: accountId },
        { $set: { optedOut: [...choices.optedOut], dailyDigest: choices.dailyDigest } },
        { upsert: true },
      )
      .exec();
  }
}
