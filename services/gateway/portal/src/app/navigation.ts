import { hasAnyRole } from '../auth/roles';
import type { SessionState } from '../auth/session-store';
import type { Feature, NavItem } from './feature';

/** The navigation entries this session may use, in order. */
export function visibleNav(features: readonly Feature[], session: SessionState): NavItem[] {
  const signedIn = session.status === 'signed-in';
  return features
    .flatMap((feature) => feature.nav ?? [])
    .filter((item) => {
      if (item.audience === 'public') return true;
      if (!signedIn) return false;
      return item.audience === 'signed-in' || hasAnyRole(session.user.roles, item.audience);
    })
    .sort((a, b) => a.order - b.order);
}
