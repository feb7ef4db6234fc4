import type { DomainError } from '@kipp/service-kit';
import type { EditionProjection } from '../edition/edition.schema';
import type {
  EvaluationProposal,
  SelectionDecision,
  SelectionReason,
} from '../proposal/proposal.schema';
import {
  ProposalWithdrawnError,
  SelectionClosedError,
  SelectionFailWithoutReasonError,
  SelectionPassWithFailedReasonError,
  SelectionRevisionConflictError,
} from './selection.errors';

/** The phase in which the secretariat decides (and revises) administrative selection. */
export const SELECTION_PHASE = 'administrative-selection';

export interface DecisionInput {
  outcome: 'pass' | 'fail';
  reasons: SelectionReason[];
  /** The revision of the decision being revised; absent (or 0) for a first decision. */
  expectedRevision?: number | undefined;
}

/** Why this decision cannot be taken on this proposal now, or null when it can. */
export function decisionProblem(
  proposal: EvaluationProposal,
  edition: EditionProjection,
  input: DecisionInput,
): DomainError | null {
  if (proposal.withdrawnAt) return new ProposalWithdrawnError(proposal._id);
  if (edition.currentPhase !== SELECTION_PHASE) {
    return new SelectionClosedError(edition._id, edition.currentPhase);
  }
  const failed = input.reasons.some((reason) => reason.outcome === 'fail');
  if (input.outcome === 'fail' && !failed) return new SelectionFailWithoutReasonError(proposal._id);
  if (input.outcome === 'pass' && failed) {
    return new SelectionPassWithFailedReasonError(proposal._id);
  }
  const current = proposal.selection?.revision ?? 0;
  if ((input.expectedRevision ?? 0) !== current) {
    return new SelectionRevisionConflictError(proposal._id, proposal.selection?.revision ?? null);
  }
  return null;
}

/** The decision to store: its revision keeps growing even across cleared snapshots. */
export function nextDecision(
  proposal: EvaluationProposal,
  input: DecisionInput,
  decidedBy: string,
  decidedAt: Date,
): SelectionDecision {
  const last = Math.max(proposal.lastSelectionRevision ?? 0, proposal.selection?.revision ?? 0);
  return {
    outcome: input.outcome,
    reasons: input.reasons.map(({ check, outcome, note }) => ({ check, outcome, note })),
    revision: last + 1,
    snapshotVersion: proposal.snapshotVersion,
    decidedBy,
    decidedAt,
  };
}
