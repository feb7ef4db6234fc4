import { AuthError } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from './roles';

/** Whether the user holds at least one of `roles`. */
export function hasAnyRole(user: AuthenticatedUser, roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/**
 * Passes when the user may act on data of `institutionId`: national admins everywhere,
 * everyone else only inside their own institution. Call it in the use case with the
 * institution of the loaded record, not (only) with a route parameter, which the caller
 * controls.
 */
export function assertInstitutionScope(user: AuthenticatedUser, institutionId: string): void {
  if (user.roles.includes('national_admin')) return;
  if (user.institutionId !== null && user.institutionId === institutionId) return;
  throw new AuthError('AUTH_FORBIDDEN');
}

/**
 * Passes when the user may act on data of one service unit: national admins everywhere,
 * local admins for every unit of their institution, unit operators only for their own unit.
 * As with {@link assertInstitutionScope}, pass the ids of the loaded record.
 */
export function assertUnitScope(
  user: AuthenticatedUser,
  institutionId: string,
  unitId: string,
): void {
  if (user.roles.includes('national_admin')) return;
  const ownInstitution = user.institutionId !== null && user.institutionId === institutionId;
  if (ownInstitution && user.roles.includes('local_admin')) return;
  if (ownInstitution && user.roles.includes('unit_operator') && user.unitId === unitId) return;
  throw new AuthError('AUTH_FORBIDDEN');
}
