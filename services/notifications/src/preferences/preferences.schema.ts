import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';
import type { OptionalCategory } from '../notification/catalogue';

/** A recipient's choices; someone who never chose gets everything, at once. */
export interface PreferencesDocument {
  /** The account id. */
  _id: string;
  /** Categories the person does not want; mandatory notices go regardless. */
  optedOut: OptionalCategory[];
  /** Non-urgent email waits for one daily digest instead of going at once. */
  dailyDigest: boolean;
  updatedAt: Date;
  createdAt: Date;
}

export const PREFERENCES_MODEL = 'Preferences';

export const preferencesSchema = new Schema<PreferencesDocument>(
  {
    _id: { type: String, required: true },
    optedOut: { type: [String], default: [] },
    dailyDigest: { type: Boolean, required: true, default: false },
  },
  schemaOptions('preferences'),
);

export const DEFAULT_PREFERENCES: Pick<PreferencesDocument, 'optedOut' | 'dailyDigest'> = {
  optedOut: [],
  dailyDigest: false,
};
