import { Schema } from 'mongoose';
import type { ProposalSnapshot } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export interface SelectionReason {
  check: string;
  outcome: 'pass' | 'fail';
  note: string;
}

/** The administrative-selection decision on a proposal; revised decisions replace it. */
export interface SelectionDecision {
  outcome: 'pass' | 'fail';
  reasons: SelectionReason[];
  /** 1 for the first decision; grows with every revision. */
  revision: number;
  snapshotVersion: number;
  decidedBy: string;
  decidedAt: Date;
}

/** The institution as it stood when the proposal was forwarded (kept for the outputs). */
export interface ProposalInstitution {
  name: string;
  type: string;
  provinceCode: string | null;
  disadvantaged: boolean;
}

/**
 * A forwarded proposal as evaluation holds it: the immutable snapshot submissions froze
 * (`submissions.proposal.forwarded.v1`, the latest snapshot version wins) and the decisions
 * taken on it here. Each later stage keeps its own collection keyed by proposal id.
 */
export interface EvaluationProposal extends OutboxFields {
  /** The proposal id (the same as in submissions). */
  _id: string;
  editionId: string;
  groupId: ProposalSnapshot['groupId'];
  categoryId: string;
  institutionId: string;
  unitId: string;
  title: string;
  snapshot: ProposalSnapshot;
  snapshotVersion: number;
  /** Null until the institution projection has it (filled in when it arrives). */
  institution: ProposalInstitution | null;
  forwardedAt: Date;
  /** Withdrawn by the unit before the close: out of every stage from then on. */
  withdrawnAt: Date | null;
  selection: SelectionDecision | null;
  /**
   * The revision of the last selection decision ever taken, kept when a newer snapshot
   * clears the decision, so `decisionRevision` keeps growing across snapshots.
   */
  lastSelectionRevision?: number;
  /** Set when an upheld objection (or the secretariat) took the proposal out of the running. */
  disqualification: { reason: string; objectionId: string | null; at: Date } | null;
  updatedAt: Date;
  createdAt: Date;
}

export const EVALUATION_PROPOSAL_MODEL = 'EvaluationProposal';

const selectionSchema = new Schema<SelectionDecision>(
  {
    outcome: { type: String, required: true },
    reasons: { type: Schema.Types.Mixed, default: [] },
    revision: { type: Number, required: true },
    snapshotVersion: { type: Number, required: true },
    decidedBy: { type: String, required: true },
    decidedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const evaluationProposalSchema = new Schema<EvaluationProposal>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    groupId: { type: String, required: true },
    categoryId: { type: String, required: true },
    institutionId: { type: String, required: true },
    unitId: { type: String, required: true },
    title: { type: String, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    snapshotVersion: { type: Number, required: true },
    institution: { type: Schema.Types.Mixed, default: null },
    forwardedAt: { type: Date, required: true },
    withdrawnAt: { type: Date, default: null },
    selection: { type: selectionSchema, default: null },
    lastSelectionRevision: { type: Number, default: 0 },
    disqualification: { type: Schema.Types.Mixed, default: null },
  },
  schemaOptions('proposals'),
);
evaluationProposalSchema.plugin(outboxPlugin);
// Administrative selection and every later stage list an edition's proposals by outcome.
evaluationProposalSchema.index({ editionId: 1, 'selection.outcome': 1, _id: 1 });
// An institution sees its own proposals' results.
evaluationProposalSchema.index({ institutionId: 1, editionId: 1 });
