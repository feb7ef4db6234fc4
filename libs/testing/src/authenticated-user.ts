import type { AuthenticatedUser, Role } from '@kipp/auth';

/**
 * The user a guard would hand a use case, for unit specs: no institution, no unit and
 * Indonesian unless `scope` says otherwise. The account id defaults to `acct_<first role>`.
 */
export function authenticatedUser(
  roles: readonly Role[],
  scope: Partial<Omit<AuthenticatedUser, 'roles'>> = {},
): AuthenticatedUser {
  return {
    accountId: scope.accountId ?? `acct_${roles[0] ?? 'none'}`,
    roles: [...roles],
    institutionId: scope.institutionId ?? null,
    unitId: scope.unitId ?? null,
    locale: scope.locale ?? 'id',
  };
}
