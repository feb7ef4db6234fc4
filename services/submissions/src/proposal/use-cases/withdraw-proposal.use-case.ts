import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { ProposalWithdrawnV1, type TimeZone } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { EditionDirectory } from '../../edition/edition-directory';
import { ProposalNotFoundError, ProposalStatusConflictError } from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { ProposalRepository } from '../proposal.repository';
import type { Proposal } from '../proposal.schema';
import { QuotaUsageRepository } from '../quota-usage.repository';
import { SubmissionWindow } from '../submission-window';

/** The unit withdraws its proposal before the close; a forwarded one gives its quota back. */
@Injectable()
export class WithdrawProposalUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly quotas: QuotaUsageRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    proposalId: string,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const proposal = await this.loader.ofOwnUnit(proposalId, actor);
    const edition = await this.editions.get(proposal.editionId);
    await this.window.assertOpen(edition, actor, zone, now);
    if (proposal.status === 'withdrawn') {
      throw new ProposalStatusConflictError(proposalId, proposal.status, 'withdraw');
    }
    const wasForwarded = proposal.status === 'forwarded';
    const event = createEvent(ProposalWithdrawnV1, {
      proposalId,
      editionId: proposal.editionId,
      institutionId: proposal.institutionId,
      unitId: proposal.unitId,
      wasForwarded,
      withdrawnBy: { kind: 'account', accountId: actor.accountId },
      withdrawnAt: now.toISOString(),
    });
    await runInTransaction(this.connection, async (session) => {
      const moved = await this.proposals.changeStatus(
        proposal,
        {
          to: 'withdrawn',
          transition: {
            from: proposal.status,
            to: 'withdrawn',
            by: actor.accountId,
            at: now,
            comment: null,
          },
          events: [event],
        },
        session,
      );
      if (!moved) throw new ProposalStatusConflictError(proposalId, proposal.status, 'withdraw');
      if (wasForwarded) await this.quotas.release(proposal, session);
    });
    this.outbox.nudge();
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    return current;
  }
}
