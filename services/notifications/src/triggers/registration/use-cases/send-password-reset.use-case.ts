import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { EventEnvelope, PasswordResetRequestedV1, PayloadOf } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';
import { timeZoneOfAccount } from '../account-time-zone';

export type PasswordResetRequested = EventEnvelope<PayloadOf<typeof PasswordResetRequestedV1>>;

/**
 * Emails the one-time reset link. The link stays sealed in the message: only the dispatcher
 * opens it, for the mail being sent, so it is never at rest in the clear here.
 */
@Injectable()
export class SendPasswordResetUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: PasswordResetRequested, session: ClientSession): Promise<void> {
    const request = event.payload;
    const account = await this.directory.account(request.accountId, session);
    const institution = account?.institutionId
      ? await this.directory.institution(account.institutionId, session)
      : null;
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'account.password-reset',
        params: { sealedLink: request.sealedLink, expiresAt: request.expiresAt },
        recipients: [
          {
            accountId: request.accountId,
            // The address the request was made for, even if the directory lags behind.
            email: request.email,
            name: request.name,
            locale: request.locale,
            timeZone: timeZoneOfAccount(institution, account?.homeProvinceCode),
          },
        ],
        refs: { institutionId: account?.institutionId ?? null },
        sentBy: { kind: 'system', process: 'password-reset' },
      },
      session,
    );
  }
}
