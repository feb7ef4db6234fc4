import type { Locale, Role } from './roles';

/** The caller of a request, as proven by a verified access token. */
export interface AuthenticatedUser {
  readonly accountId: string;
  readonly roles: readonly Role[];
  /** The institution the account belongs to; null for national admins, evaluators, panelists. */
  readonly institutionId: string | null;
  /** The service unit of a unit operator; null for every other role. */
  readonly unitId: string | null;
  readonly locale: Locale;
}
