import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { useFeatures } from '../../app/features-context';
import { usePageTitle } from '../../app/page-title';
import { authMessages } from '../../auth/messages';
import { useSession } from '../../auth/session-context';
import type { SessionUser } from '../../auth/access-token';
import { useMessages } from '../../i18n';
import { Progress } from '../../ui/progress';
import { inboxApi } from '../notifications/inbox-api';
import { areasFor } from './areas';
import { dashboardMessages } from './messages';
import { institutionApi } from './institution-api';

function Card({
  title,
  body,
  to,
  link,
}: {
  title: string;
  body: string;
  to: string;
  link: string;
}) {
  return (
    <li className="card">
      <h3>{title}</h3>
      <p>{body}</p>
      <Link to={to} className="button button-primary">
        {link}
      </Link>
    </li>
  );
}

function Dashboard({ user }: { user: SessionUser }) {
  const t = useMessages(dashboardMessages);
  const roles = useMessages(authMessages);
  usePageTitle(t.title);
  const counts = useApiQuery('unread-count', (api, signal) => inboxApi.unreadCount(api, signal));
  const institution = useApiQuery(user.institutionId, (api, signal) =>
    institutionApi.get(api, user.institutionId ?? '', signal),
  );
  const areas = areasFor(user.roles);
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.greeting}</p>
      <dl className="summary">
        <dt>{t.yourRoles}</dt>
        <dd>{user.roles.map((role) => roles[role]).join(', ')}</dd>
        {user.institutionId ? (
          <>
            <dt>{t.institution}</dt>
            <dd>{institution.data?.name ?? user.institutionId}</dd>
          </>
        ) : null}
      </dl>
      {areas.length > 0 ? (
        <>
          <h2>{t.areas}</h2>
          <ul className="cards">
            {areas.map((area) => (
              <Card
                key={area.path}
                title={t[area.title]}
                body={t[area.body]}
                to={area.path}
                link={t[area.link]}
              />
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t.everyone}</h2>
      <ul className="cards">
        <Card
          title={t.inboxTitle}
          body={
            counts.data
              ? t.inboxBody(counts.data.unread, counts.data.awaitingAcknowledgement)
              : t.inboxTitle
          }
          to="/inbox"
          link={t.inboxLink}
        />
        <Card title={t.profileTitle} body={t.profileBody} to="/profile" link={t.profileLink} />
      </ul>
    </section>
  );
}

/** Shown at `/` to visitors when no feature provides a public home page. */
function Welcome() {
  const t = useMessages(dashboardMessages);
  usePageTitle(t.homeTitle);
  return (
    <section>
      <h1>{t.homeTitle}</h1>
      <p>{t.homeBody}</p>
      <p>
        <Link to="/sign-in" className="button button-primary">
          {t.signIn}
        </Link>
      </p>
    </section>
  );
}

/** `/`: the signed-in person's dashboard, or the public home page for visitors. */
export default function HomePage() {
  const session = useSession();
  const features = useFeatures();
  const t = useMessages(dashboardMessages);
  const publicHome = features.find((feature) => feature.publicHome)?.publicHome;
  const PublicHome = useMemo(() => (publicHome ? lazy(publicHome) : null), [publicHome]);
  if (session.status === 'restoring') return <Progress label={t.title} />;
  if (session.status === 'signed-in') return <Dashboard user={session.user} />;
  return PublicHome ? (
    <Suspense fallback={<Progress label={t.homeTitle} />}>
      <PublicHome />
    </Suspense>
  ) : (
    <Welcome />
  );
}
