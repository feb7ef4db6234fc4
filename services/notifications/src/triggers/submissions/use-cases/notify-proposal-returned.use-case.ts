import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalReturnedV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';
import { notifyProposalUnit } from '../notify-proposal-unit';

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
    await notifyProposalUnit(
      { directory: this.directory, notifier: this.notifier },
      proposal,
      {
        noticeId: event.eventId,
        template: 'proposal.returned',
        params: {
          proposalId: proposal.proposalId,
          title: proposal.title,
          comment: proposal.comment,
        },
        sentBy: proposal.returnedBy,
      },
      session,
    );
  }
}
