import { Schema } from 'mongoose';
import type { AwardTier, GROUP_IDS, INNOVATION_STATUSES } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

export interface InnovationAward {
  editionId: string;
  year: number;
  groupId: (typeof GROUP_IDS)[number];
  tier: AwardTier;
}

/**
 * This service's projection of the public innovation database (owned by replication),
 * kept from `replication.innovation.published|updated`: replication-group proposals name
 * their sources from it, and its awards cover editions before this platform existed.
 */
export interface InnovationProjection {
  _id: string;
  /** Revision of the record last applied; older events are ignored. */
  revision: number;
  title: string;
  /** `normaliseTitle(title)`: how prior awards are matched to a proposal's title. */
  normalisedTitle: string;
  institutionId: string;
  awards: InnovationAward[];
  status: (typeof INNOVATION_STATUSES)[number];
  sourceEventId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const INNOVATION_PROJECTION_MODEL = 'InnovationProjection';

const awardSchema = new Schema<InnovationAward>(
  {
    editionId: { type: String, required: true },
    year: { type: Number, required: true },
    groupId: { type: String, required: true },
    tier: { type: String, required: true },
  },
  { _id: false },
);

export const innovationProjectionSchema = new Schema<InnovationProjection>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    title: { type: String, required: true },
    normalisedTitle: { type: String, required: true },
    institutionId: { type: String, required: true },
    awards: { type: [awardSchema], default: [] },
    status: { type: String, required: true },
    sourceEventId: { type: String, required: true },
  },
  schemaOptions('innovations'),
);
// The prior-awards check loads every innovation of the proposing institution.
innovationProjectionSchema.index({ institutionId: 1 });

/**
 * One finalist of a recent edition as evaluation announced it (`evaluation.award.granted`),
 * one document per proposal: the prior-awards check sees an award before replication has
 * put the innovation into its database.
 */
export interface PriorAward {
  /** The awarded proposal's id. */
  _id: string;
  institutionId: string;
  editionId: string;
  year: number;
  groupId: (typeof GROUP_IDS)[number];
  title: string;
  normalisedTitle: string;
  tiers: AwardTier[];
  sourceEventId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const PRIOR_AWARD_MODEL = 'PriorAward';

export const priorAwardSchema = new Schema<PriorAward>(
  {
    _id: { type: String, required: true },
    institutionId: { type: String, required: true },
    editionId: { type: String, required: true },
    year: { type: Number, required: true },
    groupId: { type: String, required: true },
    title: { type: String, required: true },
    normalisedTitle: { type: String, required: true },
    tiers: { type: [String], required: true },
    sourceEventId: { type: String, required: true },
  },
  schemaOptions('prior_awards'),
);
// The prior-awards check loads every award of the proposing institution.
priorAwardSchema.index({ institutionId: 1 });
