import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { EditionLookup } from '../../edition/edition-lookup';
import { decisionProblem, nextDecision, type DecisionInput } from '../selection-decision';
import {
  SelectionBulkInvalidError,
  SelectionRevisionConflictError,
  type BulkItemProblem,
} from '../selection.errors';
import { SelectionRepository, type DecisionWrite } from '../selection.repository';
import type { BulkResultView } from '../selection.view';
import { selectionDecidedEvent } from './decide-selection.use-case';

export interface BulkDecisionInput extends DecisionInput {
  proposalId: string;
}

/**
 * Many decisions at once, all or nothing: every item is validated first (the 422 lists each
 * bad one), then all are written in one transaction that aborts if any proposal changed.
 */
@Injectable()
export class BulkDecideSelectionUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    user: AuthenticatedUser,
    editionId: string,
    decisions: readonly BulkDecisionInput[],
    now = new Date(),
  ): Promise<BulkResultView> {
    const edition = await this.editions.require(editionId);
    const found = new Map(
      (await this.selection.findMany(decisions.map((d) => d.proposalId))).map((p) => [p._id, p]),
    );
    const problems: BulkItemProblem[] = [];
    const writes: DecisionWrite[] = [];
    const seen = new Set<string>();
    decisions.forEach((input, index) => {
      const { proposalId } = input;
      const refuse = (code: string, message: string) =>
        problems.push({ index, proposalId, code, message });
      const proposal = found.get(proposalId);
      if (seen.has(proposalId)) {
        refuse('DUPLICATE_ITEM', 'decided twice in this request');
        return;
      }
      seen.add(proposalId);
      if (!proposal || proposal.editionId !== editionId) {
        refuse('PROPOSAL_NOT_FOUND', 'not forwarded to this edition');
        return;
      }
      const refusal = decisionProblem(proposal, edition, input);
      if (refusal) {
        refuse(refusal.code, refusal.message);
        return;
      }
      const decision = nextDecision(proposal, input, user.accountId, now);
      writes.push({ proposal, decision, event: selectionDecidedEvent(proposal, decision, user) });
    });
    if (problems.length > 0) throw new SelectionBulkInvalidError(problems);

    await runInTransaction(this.connection, async (session) => {
      const stored = await this.selection.record(writes, session);
      if (stored !== writes.length) throw new SelectionRevisionConflictError(editionId, null);
    });
    this.outbox.nudge();
    return {
      decided: writes.length,
      items: writes.map(({ proposal, decision }) => ({
        proposalId: proposal._id,
        outcome: decision.outcome,
        revision: decision.revision,
      })),
    };
  }
}
