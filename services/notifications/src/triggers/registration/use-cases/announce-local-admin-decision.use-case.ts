import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import {
  timeZoneOfProvince,
  type EventEnvelope,
  type LocalAdminRequestDecidedV1,
  type PayloadOf,
} from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';

export type LocalAdminRequestDecided = EventEnvelope<PayloadOf<typeof LocalAdminRequestDecidedV1>>;

/**
 * Tells the proposed local admin what the national admin decided. A rejected candidate has
 * no account, so the decision reaches them by email only.
 */
@Injectable()
export class AnnounceLocalAdminDecisionUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: LocalAdminRequestDecided, session: ClientSession): Promise<void> {
    const decision = event.payload;
    const institution = await this.directory.institution(decision.institutionId, session);
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'local-admin-request.decided',
        params: {
          decision: decision.decision,
          reason: decision.reason,
          institutionName: institution?.name ?? null,
          candidateName: decision.candidateName,
        },
        recipients: [
          {
            accountId: decision.decision === 'approved' ? decision.accountId : null,
            email: decision.candidateEmail,
            name: decision.candidateName,
            locale: decision.locale,
            timeZone: timeZoneOfProvince(institution?.provinceCode),
          },
        ],
        refs: { institutionId: decision.institutionId },
        sentBy: decision.decidedBy,
      },
      session,
    );
  }
}
