import { AuthError, type AuthenticatedUser, type Role } from '@kipp/auth';
import { RoleNotAssignableError, SelfChangeForbiddenError } from './account.errors';
import type { Account } from './account.schema';

/**
 * Who may administer whom. Roles on the routes say who may call at all; these rules decide,
 * on the loaded data, that nobody raises their own privileges and that a local admin stays
 * inside its institution and below its own rank.
 */

/** The only role a local admin hands out. */
const LOCAL_ADMIN_ASSIGNABLE: readonly Role[] = ['unit_operator'];

export function assertMayProvision(
  actor: AuthenticatedUser,
  role: Role,
  institutionId: string | null,
): void {
  if (actor.roles.includes('national_admin')) return;
  if (!actor.roles.includes('local_admin')) throw new AuthError('AUTH_FORBIDDEN');
  if (!LOCAL_ADMIN_ASSIGNABLE.includes(role)) throw new RoleNotAssignableError(role);
  assertOwnInstitution(actor, institutionId);
}

/** Deactivation, reactivation, password reset: never on oneself. */
export function assertMayAdminister(actor: AuthenticatedUser, target: Account): void {
  if (target._id === actor.accountId) throw new SelfChangeForbiddenError();
  if (actor.roles.includes('national_admin')) return;
  if (!actor.roles.includes('local_admin')) throw new AuthError('AUTH_FORBIDDEN');
  assertOwnInstitution(actor, target.institutionId);
  // Only plain unit operators: a local admin cannot act on a peer or anyone above it.
  if (!target.roles.every((role) => LOCAL_ADMIN_ASSIGNABLE.includes(role))) {
    throw new AuthError('AUTH_FORBIDDEN');
  }
}

export function assertMayView(actor: AuthenticatedUser, target: Account): void {
  if (actor.roles.includes('national_admin')) return;
  if (target._id === actor.accountId) return;
  if (!actor.roles.includes('local_admin')) throw new AuthError('AUTH_FORBIDDEN');
  assertOwnInstitution(actor, target.institutionId);
}

function assertOwnInstitution(actor: AuthenticatedUser, institutionId: string | null): void {
  if (actor.institutionId === null || institutionId !== actor.institutionId) {
    throw new AuthError('AUTH_FORBIDDEN');
  }
}
