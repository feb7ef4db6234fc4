import { Schema } from 'mongoose';
import type {
  GROUP_IDS,
  INNOVATION_STATUSES,
  INSTITUTION_TYPES,
  AwardTier,
  InnovationRecord,
} from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export interface InnovationAwardEntry {
  editionId: string;
  year: number;
  groupId: (typeof GROUP_IDS)[number];
  tier: AwardTier;
}

/**
 * An innovation of the public database (SINOVIK). Its id stays the same across editions;
 * its content comes from the latest forwarded snapshot of the proposals it was entered as.
 */
export interface InnovationDocument extends Partial<OutboxFields> {
  _id: string;
  revision: number;
  title: string;
  institutionId: string;
  institutionName: string;
  institutionType: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  unitId: string | null;
  categoryId: string;
  sdgTargets: string[];
  /** The snapshot's sections (summary, idea, significance, …) as the public reads them. */
  sections: { sectionId: string; text: string }[];
  proposalIds: string[];
  awards: InnovationAwardEntry[];
  status: InnovationStatus;
  publishedAt: Date;
  /** Kept by the catalogue for public search (tokens, sort keys); absent from events. */
  search?: InnovationSearchFields;
  createdAt: Date;
  updatedAt: Date;
}

export interface InnovationSearchFields {
  normalisedTitle: string;
  titleTokens: string[];
  /** Title and section tokens, each once. */
  tokens: string[];
  /** Award years, or the publication year of an innovation without awards. */
  years: number[];
  latestYear: number;
}

export const INNOVATION_MODEL = 'Innovation';

export const innovationSchema = new Schema<InnovationDocument>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    title: { type: String, required: true },
    institutionId: { type: String, required: true },
    institutionName: { type: String, required: true },
    institutionType: { type: String, required: true },
    provinceCode: { type: String, default: null },
    unitId: { type: String, default: null },
    categoryId: { type: String, required: true },
    sdgTargets: { type: [String], default: [] },
    sections: [{ _id: false, sectionId: String, text: String }],
    proposalIds: { type: [String], default: [] },
    awards: [{ _id: false, editionId: String, year: Number, groupId: String, tier: String }],
    status: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    search: {
      type: new Schema(
        {
          normalisedTitle: String,
          titleTokens: [String],
          tokens: [String],
          years: [Number],
          latestYear: Number,
        },
        { _id: false },
      ),
      default: undefined,
    },
  },
  { ...schemaOptions('innovations'), minimize: false },
);
innovationSchema.plugin(outboxPlugin);
innovationSchema.index({ institutionId: 1 });
innovationSchema.index({ proposalIds: 1 });
innovationSchema.index({ status: 1 });
// Public search: token match (all query tokens), then filters and the year sort.
innovationSchema.index({ 'search.tokens': 1 });
innovationSchema.index({ 'search.latestYear': -1, 'search.normalisedTitle': 1 });
// The identity rule: the same institution entering the same title again.
innovationSchema.index({ institutionId: 1, 'search.normalisedTitle': 1 });

/** The record the innovation events carry. */
export function toInnovationRecord(innovation: InnovationDocument): InnovationRecord {
  return {
    innovationId: innovation._id,
    revision: innovation.revision,
    title: innovation.title,
    institutionId: innovation.institutionId,
    institutionType: innovation.institutionType,
    provinceCode: innovation.provinceCode,
    categoryId: innovation.categoryId,
    sdgTargets: [...innovation.sdgTargets],
    proposalIds: [...innovation.proposalIds],
    awards: innovation.awards.map((award) => ({ ...award })),
    status: innovation.status,
    publishedAt: innovation.publishedAt.toISOString(),
  };
}
