import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { AccountRoleGrantedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { ValidationError } from '@kipp/service-kit';
import {
  AccountInstitutionMismatchError,
  AccountNotFoundError,
  RoleAlreadyGrantedError,
  SelfChangeForbiddenError,
} from '../account.errors';
import { AccountRepository, type AccountChange } from '../account.repository';
import type { Account } from '../account.schema';
import { InstitutionDirectory } from '../../institution/institution-directory';
import { reviewerProfileSchema } from '../new-account';

export const grantRoleSchema = z.strictObject({
  // Unit operators are made by their local admin with a unit; not granted here.
  role: z.enum(['national_admin', 'local_admin', 'evaluator', 'panelist']),
  /** For local_admin: the institution, unless the account already belongs to one. */
  institutionId: z.string().trim().min(1).max(64).optional(),
  /** For evaluator/panelist: required unless the account has a reviewer profile. */
  reviewerProfile: reviewerProfileSchema.optional(),
});
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

/** The national admin gives an existing account one more role (route restricted to it). */
@Injectable()
export class GrantRoleUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly institutions: InstitutionDirectory,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    accountId: string,
    input: GrantRoleInput,
    actor: AuthenticatedUser,
  ): Promise<Account> {
    if (accountId === actor.accountId) throw new SelfChangeForbiddenError();
    const account = await this.accounts.findById(accountId);
    if (!account) throw new AccountNotFoundError(accountId);
    if (account.roles.includes(input.role)) throw new RoleAlreadyGrantedError(input.role);

    const set: NonNullable<AccountChange['set']> = {};
    let institutionId = account.institutionId;
    if (input.role === 'local_admin') {
      if (
        input.institutionId &&
        account.institutionId &&
        input.institutionId !== account.institutionId
      ) {
        throw new AccountInstitutionMismatchError();
      }
      institutionId = account.institutionId ?? input.institutionId ?? null;
      if (institutionId === null) {
        throw new ValidationError([
          { path: 'institutionId', message: 'a local admin needs an institution' },
        ]);
      }
      await this.institutions.assertRegistered(institutionId);
      set.institutionId = institutionId;
    }
    if ((input.role === 'evaluator' || input.role === 'panelist') && !account.reviewerProfile) {
      if (!input.reviewerProfile) {
        throw new ValidationError([
          { path: 'reviewerProfile', message: 'evaluators and panelists need a reviewer profile' },
        ]);
      }
      set.reviewerProfile = input.reviewerProfile;
    }

    const at = new Date();
    const reviewing = input.role === 'evaluator' || input.role === 'panelist';
    const profile = reviewing ? (account.reviewerProfile ?? input.reviewerProfile ?? null) : null;
    const event = createEvent(AccountRoleGrantedV1, {
      accountId,
      role: input.role,
      institutionId: input.role === 'local_admin' ? institutionId : null,
      email: account.email,
      locale: account.locale,
      reviewerProfile: profile && {
        affiliation: profile.affiliation,
        homeProvinceCode: profile.homeProvinceCode,
        pastEngagementInstitutionIds: [...profile.pastEngagementInstitutionIds],
        declaredConflictInstitutionIds: [...profile.declaredConflictInstitutionIds],
        expertiseCategoryIds: [...profile.expertiseCategoryIds],
      },
      grantedBy: { kind: 'account', accountId: actor.accountId },
      grantedAt: at.toISOString(),
    });
    // Conditional on the role still missing, so two grants at once record one.
    const updated = await this.accounts.applyChange(
      accountId,
      { roles: { $ne: input.role } },
      {
        set,
        addRole: input.role,
        history: {
          at,
          by: actor.accountId,
          action: 'role-granted',
          detail: {
            role: input.role,
            institutionId: input.role === 'local_admin' ? institutionId : null,
          },
        },
        events: [event],
      },
    );
    if (!updated) throw new RoleAlreadyGrantedError(input.role);
    this.outbox.nudge();
    return updated;
  }
}
