import { Schema } from 'mongoose';
import type { ASSIGNMENT_CHANGES, ASSIGNMENT_REASONS } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type AssignmentStatus = 'active' | (typeof ASSIGNMENT_CHANGES)[number];

/** Why the solver paired this evaluator with this proposal, in terms a person can check. */
export interface AssignmentExplanation {
  /** The solver's cost of the pair (lower is better). */
  cost: number;
  /** Human-readable factors, e.g. "expertise matches category health", "load 12 of 40". */
  factors: string[];
}

/**
 * One evaluator desk-scoring one proposal. A pair exists at most once: an evaluator who
 * declined or recused is never assigned the same proposal again.
 */
export interface Assignment extends OutboxFields {
  _id: string;
  editionId: string;
  proposalId: string;
  evaluatorId: string;
  status: AssignmentStatus;
  reason: (typeof ASSIGNMENT_REASONS)[number];
  explanation: AssignmentExplanation;
  /** The solver run that created it (its explanations of exclusions are kept there). */
  runId: string | null;
  dueAt: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  replacedBy: string | null;
  updatedAt: Date;
  createdAt: Date;
}

export const ASSIGNMENT_MODEL = 'Assignment';

export const assignmentSchema = new Schema<Assignment>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    proposalId: { type: String, required: true },
    evaluatorId: { type: String, required: true },
    status: { type: String, required: true, default: 'active' },
    reason: { type: String, required: true },
    explanation: { type: Schema.Types.Mixed, required: true },
    runId: { type: String, default: null },
    dueAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
    endReason: { type: String, default: null },
    replacedBy: { type: String, default: null },
  },
  schemaOptions('assignments'),
);
assignmentSchema.plugin(outboxPlugin);
// A pair exists once, whatever became of it.
assignmentSchema.index({ proposalId: 1, evaluatorId: 1 }, { unique: true });
// An evaluator's work list, and load counting per edition.
assignmentSchema.index({ evaluatorId: 1, editionId: 1, status: 1 });
// Progress and reassignment per edition and proposal.
assignmentSchema.index({ editionId: 1, status: 1, proposalId: 1 });
