import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalWithdrawnV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';

export type ProposalWithdrawn = EventEnvelope<PayloadOf<typeof ProposalWithdrawnV1>>;

/** A unit withdrew its proposal: the institution's local admins hear so. */
@Injectable()
export class NotifyProposalWithdrawnUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: ProposalWithdrawn, session: ClientSession): Promise<void> {
    const proposal = event.payload;
    // The event carries no title; a proposal never returned, forwarded or stalled has none here.
    const known = await this.directory.proposal(proposal.proposalId, session);
    await this.directory.recordProposal(
      {
        proposalId: proposal.proposalId,
        editionId: proposal.editionId,
        institutionId: proposal.institutionId,
        unitId: proposal.unitId,
      },
      session,
    );
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'proposal.withdrawn',
        params: {
          proposalId: proposal.proposalId,
          title: known?.title ?? null,
          wasForwarded: proposal.wasForwarded,
          withdrawnAt: proposal.withdrawnAt,
        },
        recipients: await this.directory.localAdminsOf(proposal.institutionId, session),
        refs: {
          editionId: proposal.editionId,
          proposalId: proposal.proposalId,
          institutionId: proposal.institutionId,
        },
        sentBy: proposal.withdrawnBy,
      },
      session,
    );
  }
}
