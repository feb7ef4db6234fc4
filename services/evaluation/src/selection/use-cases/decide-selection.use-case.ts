import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { SelectionDecidedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { EditionLookup } from '../../edition/edition-lookup';
import type { EvaluationProposal, SelectionDecision } from '../../proposal/proposal.schema';
import { decisionProblem, nextDecision, type DecisionInput } from '../selection-decision';
import { ProposalNotFoundError, SelectionRevisionConflictError } from '../selection.errors';
import { SelectionRepository } from '../selection.repository';
import { toStoredDecisionView, type DecidedView } from '../selection.view';

/** The event that tells the institution (and notifications) about a decision. */
export function selectionDecidedEvent(
  proposal: EvaluationProposal,
  decision: SelectionDecision,
  user: AuthenticatedUser,
) {
  return createEvent(SelectionDecidedV1, {
    proposalId: proposal._id,
    editionId: proposal.editionId,
    institutionId: proposal.institutionId,
    snapshotVersion: decision.snapshotVersion,
    outcome: decision.outcome,
    reasons: decision.reasons,
    decisionRevision: decision.revision,
    decidedBy: { kind: 'account', accountId: user.accountId },
    decidedAt: decision.decidedAt.toISOString(),
  });
}

/** The secretariat decides (or revises) one proposal: state and event in one write. */
@Injectable()
export class DecideSelectionUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    user: AuthenticatedUser,
    proposalId: string,
    input: DecisionInput,
    now = new Date(),
  ): Promise<DecidedView> {
    const proposal = await this.selection.findById(proposalId);
    if (!proposal) throw new ProposalNotFoundError(proposalId);
    const edition = await this.editions.require(proposal.editionId);
    const problem = decisionProblem(proposal, edition, input);
    if (problem) throw problem;
    const decision = nextDecision(proposal, input, user.accountId, now);
    const event = selectionDecidedEvent(proposal, decision, user);
    const stored = await this.selection.record([{ proposal, decision, event }]);
    // Someone else decided, or a new snapshot arrived, between the read and the write.
    if (stored !== 1) throw new SelectionRevisionConflictError(proposalId, null);
    this.outbox.nudge();
    return { proposalId, decision: toStoredDecisionView(decision) };
  }
}
