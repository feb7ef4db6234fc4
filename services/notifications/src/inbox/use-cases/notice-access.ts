import type { AuthenticatedUser } from '@kipp/auth';
import type { NoticeDocument } from '../../notification/notice.schema';

/**
 * National admins see every notice. A local admin sees the notices about their own
 * institution (`refs.institutionId`): they answer for it, so they must know who there has
 * confirmed an official notice and who has not. Everyone else sees none.
 */
export type NoticeScope = { kind: 'all' } | { kind: 'institution'; institutionId: string } | null;

export function institutionScopeOf(user: AuthenticatedUser): NoticeScope {
  if (user.roles.includes('national_admin')) return { kind: 'all' };
  if (user.roles.includes('local_admin') && user.institutionId) {
    return { kind: 'institution', institutionId: user.institutionId };
  }
  return null;
}

export function maySeeNotice(
  user: AuthenticatedUser,
  notice: Pick<NoticeDocument, 'refs'>,
): boolean {
  const scope = institutionScopeOf(user);
  if (scope?.kind === 'all') return true;
  return scope !== null && notice.refs.institutionId === scope.institutionId;
}
