import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PayloadOf, ProposalStalledV1 } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';

export type ProposalStalled = EventEnvelope<PayloadOf<typeof ProposalStalledV1>>;

/**
 * One institution-wide reminder per (edition, institution, threshold), however many of its
 * proposals stall at that threshold: the message ids built from this key keep it to one per
 * local admin, even across events, replicas and retried transactions.
 */
export function deadlineNoticeId(editionId: string, institutionId: string, threshold: string) {
  return `deadline:${editionId}:${institutionId}:${threshold}`;
}

/**
 * A proposal has not reached the ministry as the close approaches: nudges whoever holds it
 * (its unit, or the local admins once submitted to them) and reminds the institution's local
 * admins of the close.
 */
@Injectable()
export class NudgeStalledProposalUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: ProposalStalled, session: ClientSession): Promise<void> {
    const stalled = event.payload;
    await this.directory.recordProposal(
      {
        proposalId: stalled.proposalId,
        editionId: stalled.editionId,
        institutionId: stalled.institutionId,
        unitId: stalled.unitId,
        title: stalled.title,
      },
      session,
    );
    const localAdmins = await this.directory.localAdminsOf(stalled.institutionId, session);
    const holders =
      stalled.sittingWith === 'unit'
        ? await this.directory.unitOperatorsOf(stalled.institutionId, stalled.unitId, session)
        : localAdmins;
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'proposal.stalled',
        params: {
          proposalId: stalled.proposalId,
          title: stalled.title,
          sittingWith: stalled.sittingWith,
          since: stalled.since,
          closesAt: stalled.closesAt,
          threshold: stalled.threshold,
        },
        recipients: holders,
        refs: {
          editionId: stalled.editionId,
          proposalId: stalled.proposalId,
          institutionId: stalled.institutionId,
        },
        sentBy: { kind: 'system', process: 'proposal-stall-watch' },
      },
      session,
    );
    const edition = await this.directory.edition(stalled.editionId, session);
    await this.notifier.notify(
      {
        noticeId: deadlineNoticeId(stalled.editionId, stalled.institutionId, stalled.threshold),
        template: 'deadline.reminder',
        params: {
          editionId: stalled.editionId,
          editionName: edition?.name ?? null,
          closesAt: stalled.closesAt,
          threshold: stalled.threshold,
        },
        recipients: localAdmins,
        refs: { editionId: stalled.editionId, institutionId: stalled.institutionId },
        sentBy: { kind: 'system', process: 'deadline-reminder' },
      },
      session,
    );
  }
}
