import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

/**
 * How many proposals an institution has forwarded in one group of one edition. `_id` is
 * `<editionId>:<institutionId>:<groupId>`, so two racing forwards meet on one document.
 */
export interface QuotaUsage {
  _id: string;
  used: number;
}

export const QUOTA_USAGE_MODEL = 'QuotaUsage';

export const quotaUsageSchema = new Schema<QuotaUsage>(
  { _id: { type: String, required: true }, used: { type: Number, required: true, default: 0 } },
  schemaOptions('quota_usage'),
);
