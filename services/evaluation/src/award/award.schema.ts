import { Schema } from 'mongoose';
import type { AwardTier } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

/**
 * A finalist's award from the plenary: every tier it reached in its edition. Written when
 * the final results are published (`evaluation.award.granted.v1` in its outbox); the
 * outputs (decree annex, certificates, DID, UNPSA, public results) read it.
 */
export interface Award extends OutboxFields {
  /** The proposal id. */
  _id: string;
  editionId: string;
  year: number;
  institutionId: string;
  unitId: string;
  groupId: string;
  categoryId: string;
  title: string;
  tiers: AwardTier[];
  /** Final rank within the group. */
  rank: number;
  /** The panel (plenary) score and the desk score it was ranked by. */
  panelScore: number | null;
  deskScore: number | null;
  snapshotVersion: number;
  /** The final publication it came from. */
  publicationId: string;
  grantedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const AWARD_MODEL = 'Award';

export const awardSchema = new Schema<Award>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    year: { type: Number, required: true },
    institutionId: { type: String, required: true },
    unitId: { type: String, required: true },
    groupId: { type: String, required: true },
    categoryId: { type: String, required: true },
    title: { type: String, required: true },
    tiers: { type: [String], required: true },
    rank: { type: Number, required: true },
    panelScore: { type: Number, default: null },
    deskScore: { type: Number, default: null },
    snapshotVersion: { type: Number, required: true },
    publicationId: { type: String, required: true },
    grantedAt: { type: Date, required: true },
  },
  schemaOptions('awards'),
);
awardSchema.plugin(outboxPlugin);
// Outputs list an edition's awards by group and rank; an institution its own.
awardSchema.index({ editionId: 1, groupId: 1, rank: 1 });
awardSchema.index({ institutionId: 1, editionId: 1 });
