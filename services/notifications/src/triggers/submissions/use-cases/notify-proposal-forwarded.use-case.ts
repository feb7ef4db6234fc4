import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalForwardedV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';

export type ProposalForwarded = EventEnvelope<PayloadOf<typeof ProposalForwardedV1>>;

/** The local admin sent the proposal on to the ministry: its unit hears so. */
@Injectable()
export class NotifyProposalForwardedUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: ProposalForwarded, session: ClientSession): Promise<void> {
    const { snapshot, forwardedBy, forwardedAt } = event.payload;
    await this.directory.recordProposal(
      {
        proposalId: snapshot.proposalId,
        editionId: snapshot.editionId,
        institutionId: snapshot.institutionId,
        unitId: snapshot.unitId,
        title: snapshot.title,
      },
      session,
    );
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'proposal.forwarded',
        params: { proposalId: snapshot.proposalId, title: snapshot.title, forwardedAt },
        recipients: await this.directory.unitOperatorsOf(
          snapshot.institutionId,
          snapshot.unitId,
          session,
        ),
        refs: {
          editionId: snapshot.editionId,
          proposalId: snapshot.proposalId,
          institutionId: snapshot.institutionId,
        },
        sentBy: forwardedBy,
      },
      session,
    );
  }
}
