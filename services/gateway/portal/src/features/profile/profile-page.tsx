import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { authMessages } from '../../auth/messages';
import { useSession } from '../../auth/session-context';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { institutionApi } from '../dashboard/institution-api';
import { profileMessages } from './messages';
import { profileApi } from './profile-api';
import { SecondFactorSection } from './second-factor-section';

function PasswordSection({ userId }: { userId: string | null }) {
  const t = useMessages(profileMessages);
  const api = useApi();
  const { busy, error, run } = useAction();
  const [sent, setSent] = useState(false);
  const send = (id: string) =>
    run(async () => {
      await profileApi.requestPasswordLink(api, id);
      setSent(true);
    });
  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t.passwordTitle}</h2>
      <p>{t.passwordBody}</p>
      {error ? <ErrorAlert error={error} /> : null}
      {sent ? (
        <Alert tone="success">
          <p>{t.passwordSent}</p>
        </Alert>
      ) : userId ? (
        <Button busy={busy} onClick={() => void send(userId)}>
          {t.passwordSend}
        </Button>
      ) : (
        <p>{t.passwordNoUserId}</p>
      )}
    </section>
  );
}

/** My account, password, second factor, and the way to notification preferences. */
export default function ProfilePage() {
  const t = useMessages(profileMessages);
  const roleNames = useMessages(authMessages);
  usePageTitle(t.title);
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const institution = useApiQuery(user?.institutionId ?? null, (api, signal) =>
    institutionApi.get(api, user?.institutionId ?? '', signal),
  );
  if (session.status !== 'signed-in' || !user) return null;
  return (
    <section>
      <h1>{t.title}</h1>
      <section aria-labelledby="account-title" className="panel">
        <h2 id="account-title">{t.account}</h2>
        <dl className="summary">
          <dt>{t.userId}</dt>
          <dd>{session.userId ?? t.unknown}</dd>
          <dt>{t.accountId}</dt>
          <dd>
            <code>{user.accountId}</code>
          </dd>
          <dt>{t.roles}</dt>
          <dd>{user.roles.map((role) => roleNames[role]).join(', ')}</dd>
          {user.institutionId ? (
            <>
              <dt>{t.institution}</dt>
              <dd>{institution.data?.name ?? user.institutionId}</dd>
            </>
          ) : null}
          {user.unitId ? (
            <>
              <dt>{t.unit}</dt>
              <dd>
                <code>{user.unitId}</code>
              </dd>
            </>
          ) : null}
          <dt>{t.accountLanguage}</dt>
          <dd>{user.locale === 'id' ? t.language_id : t.language_en}</dd>
        </dl>
      </section>
      <PasswordSection userId={session.userId} />
      <SecondFactorSection />
      <section aria-labelledby="preferences-title" className="panel">
        <h2 id="preferences-title">{t.preferencesTitle}</h2>
        <p>
          <Link to="/settings/notifications">{t.preferencesLink}</Link>
        </p>
      </section>
    </section>
  );
}
