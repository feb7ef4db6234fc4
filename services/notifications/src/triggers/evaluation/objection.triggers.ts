import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  EventEnvelope,
  ObjectionFiledV1,
  ObjectionResolvedV1,
  PayloadOf,
} from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import { Notifier } from '../../notification/notifier';
import { EVALUATION_SENDER, proposalRefs } from './evaluation-notice';
import { ProposalTeam } from './proposal-team';

/** Objections against a finalist: the institution and the secretariat hear of them. */
@Injectable()
export class ObjectionTriggers {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
    private readonly team: ProposalTeam,
  ) {}

  /** To the institution, and as a notice of its own to the national admins who resolve it. */
  async filed(
    event: EventEnvelope<PayloadOf<typeof ObjectionFiledV1>>,
    session: ClientSession,
  ): Promise<void> {
    const objection = event.payload;
    const params = await this.team.notify(
      event,
      {
        template: 'objection.filed',
        params: (title) => ({
          objectionId: objection.objectionId,
          proposalId: objection.proposalId,
          title,
          evidenceCount: objection.evidenceCount,
          filedAt: objection.filedAt,
        }),
      },
      session,
    );
    await this.notifier.notify(
      {
        noticeId: `${event.eventId}:secretariat`,
        template: 'objection.filed',
        params,
        recipients: await this.directory.nationalAdmins(session),
        refs: proposalRefs(objection),
        sentBy: EVALUATION_SENDER,
      },
      session,
    );
  }

  async resolved(
    event: EventEnvelope<PayloadOf<typeof ObjectionResolvedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const objection = event.payload;
    await this.team.notify(
      event,
      {
        template: 'objection.resolved',
        params: (title) => ({
          objectionId: objection.objectionId,
          proposalId: objection.proposalId,
          title,
          outcome: objection.outcome,
          reason: objection.reason,
        }),
        sentBy: objection.resolvedBy,
      },
      session,
    );
  }
}
