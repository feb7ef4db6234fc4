import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { ProposalReturnedV1, type TimeZone } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { EditionDirectory } from '../../edition/edition-directory';
import { ProposalNotFoundError, ProposalStatusConflictError } from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import { SubmissionWindow } from '../submission-window';

/** The local admin sends a submitted proposal back to its unit with comments. */
@Injectable()
export class ReturnProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    proposalId: string,
    comment: string,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const proposal = await this.loader.ofOwnInstitution(proposalId, actor);
    const edition = await this.editions.get(proposal.editionId);
    await this.window.assertOpen(edition, actor, zone, now);
    if (proposal.status !== 'submitted') {
      throw new ProposalStatusConflictError(proposalId, proposal.status, 'return');
    }
    const event = createEvent(ProposalReturnedV1, {
      proposalId,
      editionId: proposal.editionId,
      institutionId: proposal.institutionId,
      unitId: proposal.unitId,
      title: proposal.title,
      comment,
      returnedBy: { kind: 'account', accountId: actor.accountId },
      returnedAt: now.toISOString(),
    });
    const moved = await this.proposals.changeStatus(proposal, {
      to: 'returned',
      transition: { from: 'submitted', to: 'returned', by: actor.accountId, at: now, comment },
      events: [event],
    });
    if (!moved) throw new ProposalStatusConflictError(proposalId, proposal.status, 'return');
    this.outbox.nudge();
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    return current;
  }
}
