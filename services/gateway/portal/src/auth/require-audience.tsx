import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMessages } from '../i18n';
import { Progress } from '../ui/progress';
import { authMessages } from './messages';
import { hasAnyRole, type Audience } from './roles';
import { useSession } from './session-context';

/** The path of the sign-in page, with where to go back to afterwards. */
export function signInPath(next: string): string {
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

/**
 * Shows its children only to the route's audience: anonymous visitors of a protected page
 * are sent to sign in (and back afterwards); signed-in people without the role see why.
 */
export function RequireAudience({
  audience,
  children,
}: {
  audience: Audience;
  children: ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const t = useMessages(authMessages);
  if (audience === 'public') return children;
  if (session.status === 'restoring') return <Progress label={t.restoring} />;
  if (session.status === 'signed-out') {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (audience !== 'signed-in' && !hasAnyRole(session.user.roles, audience)) {
    return (
      <section aria-labelledby="forbidden-title">
        <h1 id="forbidden-title">{t.forbiddenTitle}</h1>
        <p>{t.forbiddenBody}</p>
      </section>
    );
  }
  return children;
}
