import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionDirectory } from '../../edition/edition-directory';
import type { TimeZone } from '@kipp/contracts';
import { EligibilityRunner } from '../eligibility-runner';
import {
  ProposalNotFoundError,
  ProposalNotReadyError,
  ProposalStatusConflictError,
} from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { loadEditableDraft } from '../editable-draft';
import { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import { SubmissionWindow } from '../submission-window';

/** The unit hands its draft to its local admin; every failing pre-check blocks it. */
@Injectable()
export class SubmitProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly eligibility: EligibilityRunner,
  ) {}

  async execute(
    proposalId: string,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const { proposal, edition } = await loadEditableDraft(
      { loader: this.loader, editions: this.editions, window: this.window },
      { proposalId, actor, action: 'submit', zone, now },
    );
    const checks = await this.eligibility.run(proposal, edition);
    const failing = checks.filter((c) => c.outcome === 'fail');
    if (failing.length > 0) throw new ProposalNotReadyError(proposalId, failing);
    const moved = await this.proposals.changeStatus(proposal, {
      to: 'submitted',
      transition: {
        from: proposal.status,
        to: 'submitted',
        by: actor.accountId,
        at: now,
        comment: null,
      },
      eligibility: checks,
      events: [],
    });
    if (!moved) throw new ProposalStatusConflictError(proposalId, proposal.status, 'submit');
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    return current;
  }
}
