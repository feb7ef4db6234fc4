import type { AuthenticatedUser } from '@kipp/auth';
import type {
  Confirmation,
  ReplicationLinkDocument,
  ReplicationLinkStatus,
} from './replication-link.schema';

/** The adopter's path: each status leads to the next, and `stopped` may end any of them. */
const NEXT_STATUS: Readonly<Record<ReplicationLinkStatus, ReplicationLinkStatus | null>> = {
  plan: 'in-progress',
  'in-progress': 'implemented',
  implemented: 'sustained',
  sustained: null,
  stopped: null,
};

export function canMoveStatus(from: ReplicationLinkStatus, to: ReplicationLinkStatus): boolean {
  if (to === 'stopped') return from !== 'stopped';
  return NEXT_STATUS[from] === to;
}

/**
 * The origin's word on a link. A pending or disputed link may be counter-signed (a dispute
 * can be settled, e.g. once the adopter clarified it; the reason stays in the history); a
 * pending or confirmed link may be disputed, always with a reason on record.
 */
export function canCountersign(from: Confirmation): boolean {
  return from === 'pending' || from === 'disputed';
}

export function canDispute(from: Confirmation): boolean {
  return from === 'pending' || from === 'confirmed';
}

/** The roles that act for an institution on the ledger. */
export const PARTY_ROLES = ['local_admin', 'unit_operator'] as const;

export type Side = 'adopter' | 'origin';

/** Which side of the link the caller acts for, if any (an institution role is needed). */
export function sideOf(
  user: AuthenticatedUser,
  link: Pick<ReplicationLinkDocument, 'adopterInstitutionId' | 'originInstitutionId'>,
): Side | null {
  if (!user.institutionId || !user.roles.some(isPartyRole)) return null;
  if (user.institutionId === link.adopterInstitutionId) return 'adopter';
  if (user.institutionId === link.originInstitutionId) return 'origin';
  return null;
}

export function canRead(
  user: AuthenticatedUser,
  link: Pick<ReplicationLinkDocument, 'adopterInstitutionId' | 'originInstitutionId'>,
): boolean {
  return user.roles.includes('national_admin') || sideOf(user, link) !== null;
}

export function isPartyRole(role: string): boolean {
  return (PARTY_ROLES as readonly string[]).includes(role);
}
