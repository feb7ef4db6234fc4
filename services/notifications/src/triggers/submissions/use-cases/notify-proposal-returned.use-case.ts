import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalReturnedV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';

export type ProposalReturned = EventEnvelope<PayloadOf<typeof ProposalReturnedV1>>;

/** The local admin sent the proposal back: its unit gets the comment to act on. */
@Injectable()
export class NotifyProposalReturnedUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: ProposalReturned, session: ClientSession): Promise<void> {
    const proposal = event.payload;
    await this.directory.recordProposal(
      {
        proposalId: proposal.proposalId,
        editionId: proposal.editionId,
        institutionId: proposal.institutionId,
        unitId: proposal.unitId,
        title: proposal.title,
      },
      session,
    );
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'proposal.returned',
        params: {
          proposalId: proposal.proposalId,
          title: proposal.title,
          comment: proposal.comment,
        },
        recipients: await this.directory.unitOperatorsOf(
          proposal.institutionId,
          proposal.unitId,
          session,
        ),
        refs: {
          editionId: proposal.editionId,
          proposalId: proposal.proposalId,
          institutionId: proposal.institutionId,
        },
        sentBy: proposal.returnedBy,
      },
      session,
    );
  }
}
