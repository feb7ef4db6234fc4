import { AuthError, type Role } from '@kipp/auth';
import { authenticatedUser } from '@kipp/testing';
import { assertMayAdminister, assertMayProvision, assertMayView } from './account-policy';
import { RoleNotAssignableError, SelfChangeForbiddenError } from './account.errors';
import type { Account } from './account.schema';

const user = (roles: Role[], institutionId: string | null = null) =>
  authenticatedUser(roles, {
    accountId: `acct_${roles.join('_')}_${institutionId ?? 'none'}`,
    institutionId,
  });

const account = (roles: Role[], institutionId: string | null, accountId = 'acct_target') =>
  ({ _id: accountId, roles, institutionId }) as Account;

describe('account policy', () => {
  const national = user(['national_admin']);
  const localAdmin = user(['local_admin'], 'inst_a');

  it('should let the national admin provision every role', () => {
    for (const role of ['national_admin', 'local_admin', 'evaluator', 'panelist'] as const) {
      expect(() => assertMayProvision(national, role, null)).not.toThrow();
    }
  });

  it('should let a local admin provision only unit operators of its own institution', () => {
    expect(() => assertMayProvision(localAdmin, 'unit_operator', 'inst_a')).not.toThrow();
    expect(() => assertMayProvision(localAdmin, 'unit_operator', 'inst_b')).toThrow(AuthError);
    for (const role of ['national_admin', 'local_admin', 'evaluator', 'panelist'] as const) {
      expect(() => assertMayProvision(localAdmin, role, 'inst_a')).toThrow(RoleNotAssignableError);
    }
  });

  it('should refuse provisioning to every other role', () => {
    for (const role of ['unit_operator', 'evaluator', 'panelist'] as const) {
      expect(() => assertMayProvision(user([role], 'inst_a'), 'unit_operator', 'inst_a')).toThrow(
        AuthError,
      );
    }
  });

  it('should refuse anyone administering their own account', () => {
    expect(() =>
      assertMayAdminister(national, account(['national_admin'], null, national.accountId)),
    ).toThrow(SelfChangeForbiddenError);
  });

  it('should let a local admin administer only plain unit operators of its institution', () => {
    expect(() =>
      assertMayAdminister(localAdmin, account(['unit_operator'], 'inst_a')),
    ).not.toThrow();
    expect(() => assertMayAdminister(localAdmin, account(['unit_operator'], 'inst_b'))).toThrow(
      AuthError,
    );
    expect(() => assertMayAdminister(localAdmin, account(['local_admin'], 'inst_a'))).toThrow(
      AuthError,
    );
    expect(() =>
      assertMayAdminister(localAdmin, account(['unit_operator', 'local_admin'], 'inst_a')),
    ).toThrow(AuthError);
    expect(() => assertMayAdminister(localAdmin, account(['evaluator'], null))).toThrow(AuthError);
  });

  it('should show a local admin the accounts of its institution and itself only', () => {
    expect(() => assertMayView(localAdmin, account(['local_admin'], 'inst_a'))).not.toThrow();
    expect(() => assertMayView(localAdmin, account(['unit_operator'], 'inst_b'))).toThrow(
      AuthError,
    );
    expect(() => assertMayView(national, account(['evaluator'], null))).not.toThrow();
  });
});
