import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  CheckInDueV1,
  CheckInOverdueV1,
  CountersignRequestedV1,
  EventEnvelope,
  PayloadOf,
} from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import type { NoticeSender } from '../../notification/notice.schema';
import { Notifier } from '../../notification/notifier';

const REPLICATION_SENDER: NoticeSender = { kind: 'system', process: 'replication' };

type CheckIn = PayloadOf<typeof CheckInDueV1>;

/** Replications to counter-sign and sustainability check-ins, told to the innovation's side. */
@Injectable()
export class ReplicationTriggers {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  /** To the origin institution's local admins and the origin unit's operators. */
  async countersignRequested(
    event: EventEnvelope<PayloadOf<typeof CountersignRequestedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const request = event.payload;
    // One at a time: operations of one transaction must not run concurrently.
    const recipients = await this.directory.proposalTeam(
      request.originInstitutionId,
      request.originUnitId,
      session,
    );
    const adopter = await this.directory.institution(request.adopterInstitutionId, session);
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'replication.countersign-requested',
        params: {
          replicationId: request.replicationId,
          innovationId: request.innovationId,
          innovationTitle: request.innovationTitle,
          replicationTitle: request.replicationTitle,
          adopterInstitutionName: adopter?.name ?? null,
          respondBy: request.respondBy,
        },
        recipients,
        refs: { institutionId: request.originInstitutionId },
        sentBy: request.requestedBy,
      },
      session,
    );
  }

  async checkInDue(event: EventEnvelope<CheckIn>, session: ClientSession): Promise<void> {
    await this.checkIn('check-in.due', event, session);
  }

  async checkInOverdue(
    event: EventEnvelope<PayloadOf<typeof CheckInOverdueV1>>,
    session: ClientSession,
  ): Promise<void> {
    await this.checkIn('check-in.overdue', event, session);
  }

  /** To the unit that runs the innovation and its institution's local admins. */
  private async checkIn(
    template: 'check-in.due' | 'check-in.overdue',
    event: EventEnvelope<CheckIn>,
    session: ClientSession,
  ): Promise<void> {
    const checkIn = event.payload;
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template,
        params: {
          checkInId: checkIn.checkInId,
          innovationId: checkIn.innovationId,
          innovationTitle: checkIn.innovationTitle,
          period: checkIn.period,
          dueAt: checkIn.dueAt,
        },
        recipients: await this.directory.proposalTeam(
          checkIn.institutionId,
          checkIn.unitId,
          session,
        ),
        refs: { institutionId: checkIn.institutionId },
        sentBy: REPLICATION_SENDER,
      },
      session,
    );
  }
}
