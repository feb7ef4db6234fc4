import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';
import type { AssignmentEnding } from './reader-grant';

/**
 * One evaluator's assignment to a proposal as evaluation announced it
 * (`evaluation.assignment.created|changed.v1`). It lets the evaluator read the proposal's
 * forwarded snapshots until it ends. An ending is never undone: the topics are not ordered
 * against each other, so a creation delivered after the ending must not revive it.
 */
export interface ReaderAssignment {
  /** The assignment id. */
  _id: string;
  proposalId: string;
  editionId: string;
  evaluatorAccountId: string;
  /** When evaluation created it; null while only a change has arrived. */
  assignedAt: Date | null;
  /** How it ended (declined, recused, revoked); null while it grants reading. */
  ending: AssignmentEnding | null;
  endedAt: Date | null;
  /** The event that last changed this document. */
  sourceEventId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const READER_ASSIGNMENT_MODEL = 'ReaderAssignment';

export const readerAssignmentSchema = new Schema<ReaderAssignment>(
  {
    _id: { type: String, required: true },
    proposalId: { type: String, required: true },
    editionId: { type: String, required: true },
    evaluatorAccountId: { type: String, required: true },
    assignedAt: { type: Date, default: null },
    ending: { type: String, default: null },
    endedAt: { type: Date, default: null },
    sourceEventId: { type: String, required: true },
  },
  schemaOptions('reader_assignments'),
);
// An evaluator's download asks whether one of its assignments to the proposal is open.
readerAssignmentSchema.index({ proposalId: 1, evaluatorAccountId: 1 });

/**
 * A proposal's standing in the newest finalists publication that named it
 * (`evaluation.stage-result.published.v1` with `stage: 'finalists'`): while `advanced`,
 * every panelist may read its forwarded snapshots.
 */
export interface FinalistStanding {
  /** The proposal id. */
  _id: string;
  editionId: string;
  advanced: boolean;
  publicationId: string;
  publishedAt: Date;
  sourceEventId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FINALIST_STANDING_MODEL = 'FinalistStanding';

// Read by `_id` only (the proposal id): no further index.
export const finalistStandingSchema = new Schema<FinalistStanding>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    advanced: { type: Boolean, required: true },
    publicationId: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    sourceEventId: { type: String, required: true },
  },
  schemaOptions('finalist_standings'),
);
