import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

/**
 * A proposal's desk-evaluation standing: kept up to date by the score consumer (raw mean,
 * divergence) and completed by the calibration run (normalised mean) under a lease.
 */
export interface DeskResult {
  /** The proposal id. */
  _id: string;
  editionId: string;
  /** Submitted desk sheets counted. */
  scoreCount: number;
  /** Mean of the submitted weighted scores, on the rubric's scale. */
  rawMean: number | null;
  /** Mean of the evaluators' normalised scores (z-scores mapped back onto the scale). */
  normalizedMean: number | null;
  /** Highest minus lowest weighted score. */
  spread: number;
  /** Spread above the edition's divergence margin. */
  divergent: boolean;
  /** Set once an extra evaluator was called for the divergence (at most once). */
  extraEvaluatorRequestedAt: Date | null;
  /** The calibration run that last wrote `normalizedMean`. */
  calibrationRunId: string | null;
  updatedAt: Date;
  createdAt: Date;
}

export const DESK_RESULT_MODEL = 'DeskResult';

export const deskResultSchema = new Schema<DeskResult>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    scoreCount: { type: Number, required: true, default: 0 },
    rawMean: { type: Number, default: null },
    normalizedMean: { type: Number, default: null },
    spread: { type: Number, required: true, default: 0 },
    divergent: { type: Boolean, required: true, default: false },
    extraEvaluatorRequestedAt: { type: Date, default: null },
    calibrationRunId: { type: String, default: null },
  },
  schemaOptions('desk_results'),
);
// Ranking reads an edition's results by normalised score; the admin lists divergent ones.
deskResultSchema.index({ editionId: 1, normalizedMean: -1 });
deskResultSchema.index({ editionId: 1, divergent: 1 });
