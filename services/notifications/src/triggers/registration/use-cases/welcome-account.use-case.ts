import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { AccountCreatedV1, EventEnvelope, PayloadOf } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';
import { Notifier } from '../../../notification/notifier';
import { timeZoneOfAccount } from '../account-time-zone';

export type AccountCreated = EventEnvelope<PayloadOf<typeof AccountCreatedV1>>;

/** A new account: remembers how to reach the person and welcomes them (first sign-in). */
@Injectable()
export class WelcomeAccountUseCase {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
  ) {}

  async execute(event: AccountCreated, session: ClientSession): Promise<void> {
    const account = event.payload;
    const homeProvinceCode = account.reviewerProfile?.homeProvinceCode ?? null;
    await this.directory.recordAccount(
      {
        accountId: account.accountId,
        userId: account.userId,
        name: account.name,
        email: account.email,
        locale: account.locale,
        roles: account.roles,
        institutionId: account.institutionId,
        unitId: account.unitId,
        homeProvinceCode,
        // Left unset: a new entry starts active, but a deactivation consumed first (another
        // topic, so in no order with this one) must not be undone.
      },
      session,
    );
    const institution = account.institutionId
      ? await this.directory.institution(account.institutionId, session)
      : null;
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'account.welcome',
        params: {
          userId: account.userId,
          roles: account.roles,
          institutionName: institution?.name ?? null,
          mustChangePassword: account.mustChangePassword,
        },
        recipients: [
          {
            accountId: account.accountId,
            email: account.email,
            name: account.name,
            locale: account.locale,
            timeZone: timeZoneOfAccount(institution, homeProvinceCode),
          },
        ],
        refs: { institutionId: account.institutionId },
        sentBy: account.createdBy,
      },
      session,
    );
  }
}
