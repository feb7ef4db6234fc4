import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalNudgedV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';
import { notifyProposalUnit } from '../notify-proposal-unit';

export type ProposalNudged = EventEnvelope<PayloadOf<typeof ProposalNudgedV1>>;

/**
 * The local admin reminded the unit by hand: the unit's operators (those the automatic
 * reminder reaches for a proposal with the unit) get it, with the admin's message if any.
 */
@Injectable()
export class NotifyProposalNudgedUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: ProposalNudged, session: ClientSession): Promise<void> {
    const nudge = event.payload;
    await notifyProposalUnit(
      { directory: this.directory, notifier: this.notifier },
      nudge,
      {
        noticeId: event.eventId,
        template: 'proposal.nudged',
        params: {
          proposalId: nudge.proposalId,
          title: nudge.title,
          message: nudge.message,
          closesAt: nudge.closesAt,
        },
        sentBy: nudge.nudgedBy,
      },
      session,
    );
  }
}
