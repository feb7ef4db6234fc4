import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSessionStore } from '../auth/session-context';
import { UnreadBadge } from '../features/notifications/unread-badge';
import { LOCALES, useI18n, useMessages, type Locale } from '../i18n';
import { Progress } from '../ui/progress';
import type { Feature } from './feature';
import { FeaturesProvider } from './features-context';
import { appMessages } from './messages';
import { visibleNav } from './navigation';

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { id: 'Bahasa Indonesia', en: 'English' };

export function LanguageSwitch() {
  const { locale, setLocale } = useI18n();
  const t = useMessages(appMessages);
  return (
    <div className="language-switch" role="group" aria-label={t.language}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="button button-link"
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}

function AccountControls() {
  const session = useSession();
  const store = useSessionStore();
  const navigate = useNavigate();
  const t = useMessages(appMessages);
  if (session.status !== 'signed-in') {
    return session.status === 'signed-out' ? (
      <Link to="/sign-in" className="button button-secondary">
        {t.signIn}
      </Link>
    ) : null;
  }
  return (
    <div className="account-controls">
      <UnreadBadge />
      <span className="account-name">{t.signedInAs(session.userId ?? session.user.accountId)}</span>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          void store.signOut().then(() => navigate('/sign-in'));
        }}
      >
        {t.signOut}
      </button>
    </div>
  );
}

/** Focus moves to the main region when the page changes, so keyboard and screen reader users start there. */
function useFocusOnNavigation(target: React.RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    target.current?.focus();
  }, [pathname, target]);
}

/** Header with role-aware navigation and the language switch, the main landmark, the footer. */
export function Layout({
  features,
  children,
}: {
  features: readonly Feature[];
  children?: ReactNode;
}) {
  const t = useMessages(appMessages);
  const { locale } = useI18n();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  const nav = visibleNav(features, session);

  return (
    <FeaturesProvider value={features}>
      <div className="page">
        <a href="#main" className="skip-link">
          {t.skipLink}
        </a>
        <header className="site-header">
          <div className="header-bar">
            <Link to="/" className="brand">
              <span className="brand-name">{t.brand}</span>
              <span className="brand-long">{t.brandLong}</span>
            </Link>
            <div className="header-tools">
              <LanguageSwitch />
              <AccountControls />
            </div>
          </div>
          {nav.length > 0 ? (
            <nav aria-label={t.mainNav} className="main-nav">
              <ul>
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.to === '/'}>
                      {item.label[locale]}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" ref={main} tabIndex={-1} className="main">
          <Suspense fallback={<Progress label={t.loadingPage} />}>
            {children ?? <Outlet />}
          </Suspense>
        </main>
        <footer className="site-footer">
          <p>{t.footer}</p>
          <p>{t.footerNote}</p>
        </footer>
      </div>
    </FeaturesProvider>
  );
}
