import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export interface CriterionScore {
  criterionId: string;
  score: number;
  comment: string;
}

/** One change to a sheet, kept forever: who changed what, when. */
export interface ScoreAuditEntry {
  action: 'saved' | 'submitted' | 'reopened';
  by: string;
  at: Date;
  /** The criteria as they stood after the change. */
  criteria: CriterionScore[];
  weightedScore: number | null;
}

/**
 * One scorer's sheet for one proposal: desk sheets belong to an assignment (evaluator),
 * panel sheets to a finalist's interview (panelist). Drafts save often; submitting fixes
 * the weighted score (by the edition's rubric) and publishes `score.submitted`.
 */
export interface ScoreSheet extends OutboxFields {
  _id: string;
  editionId: string;
  proposalId: string;
  stage: 'desk' | 'panel';
  assignmentId: string | null;
  scorerId: string;
  criteria: CriterionScore[];
  /** Null while a draft misses criteria. */
  weightedScore: number | null;
  status: 'draft' | 'submitted';
  /** Grows with every save; writers send the revision they read. */
  revision: number;
  /** How many times it was submitted (the event's `revision`). */
  submissions: number;
  submittedAt: Date | null;
  /**
   * The weighted score of the latest submission: a submitted sheet reopened as a draft keeps
   * counting with what was last submitted until it is submitted again.
   */
  submittedWeightedScore: number | null;
  audit: ScoreAuditEntry[];
  updatedAt: Date;
  createdAt: Date;
}

export const SCORE_SHEET_MODEL = 'ScoreSheet';

/**
 * A desk sheet's id: its assignment's (an evaluator and a proposal are paired once), so an
 * evaluator's list reads all its sheets by `_id`, which every server's planner serves.
 */
export function deskSheetId(assignmentId: string): string {
  return `desk_${assignmentId}`;
}

/**
 * A panel sheet's id: one per edition, finalist and panelist, so a panelist's list reads all
 * its sheets by `_id` like the evaluator's.
 */
export function panelSheetId(editionId: string, proposalId: string, scorerId: string): string {
  return `panel_${editionId}_${proposalId}_${scorerId}`;
}

export const scoreSheetSchema = new Schema<ScoreSheet>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    proposalId: { type: String, required: true },
    stage: { type: String, required: true },
    assignmentId: { type: String, default: null },
    scorerId: { type: String, required: true },
    criteria: { type: Schema.Types.Mixed, default: [] },
    weightedScore: { type: Number, default: null },
    status: { type: String, required: true, default: 'draft' },
    revision: { type: Number, required: true, default: 1 },
    submissions: { type: Number, required: true, default: 0 },
    submittedAt: { type: Date, default: null },
    submittedWeightedScore: { type: Number, default: null },
    audit: { type: Schema.Types.Mixed, default: [] },
  },
  { ...schemaOptions('score_sheets'), optimisticConcurrency: false },
);
scoreSheetSchema.plugin(outboxPlugin);
// One sheet per scorer, proposal and stage.
scoreSheetSchema.index({ stage: 1, proposalId: 1, scorerId: 1 }, { unique: true });
// Calibration reads an edition's submitted sheets per stage; progress counts them per scorer.
scoreSheetSchema.index({ editionId: 1, stage: 1, status: 1, scorerId: 1 });
// The secretariat's desk scores, keyset-paged by id: one evaluator's sheets, or all of an
// edition's (SecantusDB uses an index only when it holds every field of the filter).
scoreSheetSchema.index({ editionId: 1, stage: 1, scorerId: 1, _id: 1 });
scoreSheetSchema.index({ editionId: 1, stage: 1, _id: 1 });
