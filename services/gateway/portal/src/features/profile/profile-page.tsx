import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { authMessages } from '../../auth/messages';
import { useSession } from '../../auth/session-context';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { DateTime } from '../../ui/date-time';
import { profileMessages } from './messages';
import { PasswordSection } from './password-section';
import { profileApi, type MyAccount } from './profile-api';
import { SecondFactorSection } from './second-factor-section';

function AccountSummary({ account }: { account: MyAccount }) {
  const t = useMessages(profileMessages);
  const roleNames = useMessages(authMessages);
  return (
    <dl className="summary">
      <dt>{t.name}</dt>
      <dd>{account.name}</dd>
      <dt>{t.userId}</dt>
      <dd>{account.userId}</dd>
      <dt>{t.email}</dt>
      <dd>{account.email}</dd>
      <dt>{t.roles}</dt>
      <dd>{account.roles.map((role) => roleNames[role]).join(', ')}</dd>
      {account.institutionId ? (
        <>
          <dt>{t.institution}</dt>
          <dd>{account.institutionName ?? account.institutionId}</dd>
        </>
      ) : null}
      {account.unitId ? (
        <>
          <dt>{t.unit}</dt>
          <dd>{account.unitName ?? account.unitId}</dd>
        </>
      ) : null}
      <dt>{t.accountLanguage}</dt>
      <dd>{account.locale === 'id' ? t.language_id : t.language_en}</dd>
      <dt>{t.passwordChangedAt}</dt>
      <dd>
        {account.passwordChangedAt ? <DateTime value={account.passwordChangedAt} /> : t.never}
      </dd>
      <dt>{t.lastSignInAt}</dt>
      <dd>{account.lastSignInAt ? <DateTime value={account.lastSignInAt} /> : t.never}</dd>
      <dt>{t.accountId}</dt>
      <dd>
        <code>{account.accountId}</code>
      </dd>
    </dl>
  );
}

/** My account (registration's `GET /me`), password, second factor, notification preferences. */
export default function ProfilePage() {
  const t = useMessages(profileMessages);
  usePageTitle(t.title);
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const me = useApiQuery(signedIn ? `me:${session.user.accountId}` : null, (api, signal) =>
    profileApi.me(api, signal),
  );
  if (!signedIn) return null;
  return (
    <section>
      <h1>{t.title}</h1>
      <section aria-labelledby="account-title" className="panel" aria-busy={me.loading}>
        <h2 id="account-title">{t.account}</h2>
        {me.data ? (
          <AccountSummary account={me.data} />
        ) : me.error ? (
          <ErrorAlert error={me.error} />
        ) : (
          <p>{t.loadingAccount}</p>
        )}
      </section>
      <PasswordSection userId={me.data?.userId ?? session.userId} onChanged={me.reload} />
      <SecondFactorSection status={me.data?.secondFactor ?? null} onChanged={me.reload} />
      <section aria-labelledby="preferences-title" className="panel">
        <h2 id="preferences-title">{t.preferencesTitle}</h2>
        <p>
          <Link to="/settings/notifications">{t.preferencesLink}</Link>
        </p>
      </section>
    </section>
  );
}
