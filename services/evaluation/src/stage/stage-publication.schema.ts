import { Schema } from 'mongoose';
import type { EVALUATION_STAGES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

export interface StageEntry {
  proposalId: string;
  institutionId: string;
  groupId: string;
  categoryId: string;
  /** 1 first, in the stage's ordering. */
  rank: number;
  score: number | null;
  advanced: boolean;
}

/**
 * One publication of a stage's results for an edition (desk ranking, shortlist to the
 * panel, finalists, final). A republication gets the next `version` and supersedes the
 * earlier one; the events of a publication sit in its outbox, one per proposal.
 */
export interface StagePublication extends OutboxFields {
  /** `pub_<editionId>_<stage>_<version>`. */
  _id: string;
  editionId: string;
  stage: EvaluationStage;
  version: number;
  entries: StageEntry[];
  /**
   * What the stage wants to explain (e.g. the finalists' transparency report: how each
   * representation rule changed the list compared with the pure ranking).
   */
  report: Record<string, unknown> | null;
  /** The lease token the publication was computed under. */
  leaseToken: number | null;
  publishedBy: string;
  publishedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const STAGE_PUBLICATION_MODEL = 'StagePublication';

export const stagePublicationSchema = new Schema<StagePublication>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    stage: { type: String, required: true },
    version: { type: Number, required: true },
    entries: { type: Schema.Types.Mixed, default: [] },
    report: { type: Schema.Types.Mixed, default: null },
    leaseToken: { type: Number, default: null },
    publishedBy: { type: String, required: true },
    publishedAt: { type: Date, required: true },
  },
  schemaOptions('stage_publications'),
);
stagePublicationSchema.plugin(outboxPlugin);
// The current publication of a stage is the highest version; two publishers of the same version collide.
stagePublicationSchema.index({ editionId: 1, stage: 1, version: -1 }, { unique: true });
