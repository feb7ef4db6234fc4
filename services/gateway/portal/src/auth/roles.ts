import type { LOCALES, ROLES } from '@kipp/contracts';

export type Role = (typeof ROLES)[number];
export type AccountLocale = (typeof LOCALES)[number];

const ROLE_ORDER = [
  'national_admin',
  'local_admin',
  'unit_operator',
  'evaluator',
  'panelist',
] as const satisfies readonly Role[];
// A role added to the contracts must be placed in the order above: this fails to compile until it is.
const _everyRoleListed: Exclude<Role, (typeof ROLE_ORDER)[number]> extends never ? true : never =
  true;

/** Every role, in the order the portal lists them. */
export const ALL_ROLES: readonly Role[] = ROLE_ORDER;

/** Who a route is for: anyone, anyone signed in, or the holders of one of the roles. */
export type Audience = 'public' | 'signed-in' | readonly Role[];

export function hasAnyRole(userRoles: readonly Role[], audience: readonly Role[]): boolean {
  return audience.some((role) => userRoles.includes(role));
}
