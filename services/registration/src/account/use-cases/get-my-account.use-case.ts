import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { InstitutionDirectory } from '../../institution/institution-directory';
import { ROLES_REQUIRING_TOTP } from '../../session/session-issuer';
import { AccountRepository } from '../account.repository';
import type { Account } from '../account.schema';
import { accountView, toAccountView } from '../account.view';
import { UnitRepository } from '../unit/unit.repository';

/**
 * The signed-in person's own account as the portal shows it: what administration sees of it
 * (never password or TOTP material), plus names, the second factor and sign-in dates.
 */
export const myAccountView = accountView.extend({
  institutionName: z.string().nullable(),
  unitName: z.string().nullable(),
  secondFactor: z.object({
    enabled: z.boolean(),
    /** The roles held need it: sign-in insists and it cannot be turned off. */
    required: z.boolean(),
  }),
  passwordChangedAt: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
});
export type MyAccountView = z.infer<typeof myAccountView>;

export function toMyAccountView(
  account: Account,
  names: { institutionName: string | null; unitName: string | null },
): MyAccountView {
  return {
    ...toAccountView(account),
    ...names,
    secondFactor: {
      enabled: account.totpEnabledAt !== null,
      required: account.roles.some((role) => ROLES_REQUIRING_TOTP.includes(role)),
    },
    passwordChangedAt: account.passwordChangedAt?.toISOString() ?? null,
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  };
}

/** Any signed-in person reads their own account; nobody reads another's here. */
@Injectable()
export class GetMyAccountUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly units: UnitRepository,
    private readonly institutions: InstitutionDirectory,
  ) {}

  async execute(user: AuthenticatedUser): Promise<MyAccountView> {
    const account = await this.accounts.findById(user.accountId);
    // A token outliving its account (it cannot be deleted, but a test database can be).
    if (!account) throw new AuthError('AUTH_TOKEN_INVALID');
    const { institutionId, unitId } = account;
    const [institutionName, unit] = await Promise.all([
      institutionId ? this.institutions.nameOf(institutionId) : null,
      institutionId && unitId ? this.units.findInInstitution(institutionId, unitId) : null,
    ]);
    return toMyAccountView(account, { institutionName, unitName: unit?.name ?? null });
  }
}
