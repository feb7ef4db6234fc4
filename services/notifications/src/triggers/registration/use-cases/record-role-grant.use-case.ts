import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type { AccountRoleGrantedV1, EventEnvelope, PayloadOf } from '@kipp/contracts';
import { Directory } from '../../../directory/directory';

export type AccountRoleGranted = EventEnvelope<PayloadOf<typeof AccountRoleGrantedV1>>;

/**
 * Adds a role to an account. No message: a new account already got its welcome, and the
 * portal shows roles on the next sign-in.
 */
@Injectable()
export class RecordRoleGrantUseCase {
  constructor(private readonly directory: Directory) {}

  async execute(event: AccountRoleGranted, session: ClientSession): Promise<void> {
    const grant = event.payload;
    // Reviewer roles come with a null institution: the account keeps the one it has.
    const known = grant.institutionId
      ? null
      : await this.directory.account(grant.accountId, session);
    await this.directory.recordAccount(
      {
        accountId: grant.accountId,
        email: grant.email,
        locale: grant.locale,
        roles: [grant.role],
        institutionId: grant.institutionId ?? known?.institutionId ?? null,
        ...(grant.reviewerProfile
          ? { homeProvinceCode: grant.reviewerProfile.homeProvinceCode }
          : {}),
      },
      session,
    );
  }
}
