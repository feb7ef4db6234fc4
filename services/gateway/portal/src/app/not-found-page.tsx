import { Link } from 'react-router';
import { useMessages } from '../i18n';
import { Progress } from '../ui/progress';
import { appMessages } from './messages';
import { usePageTitle } from './page-title';

export function NotFoundPage() {
  const t = useMessages(appMessages);
  usePageTitle(t.notFoundTitle);
  return (
    <section>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p>
        <Link to="/">{t.backHome}</Link>
      </p>
    </section>
  );
}

/** Shown when a page's code failed to load (e.g. a new version was deployed meanwhile). */
export function RouteErrorPage() {
  const t = useMessages(appMessages);
  usePageTitle(t.loadFailedTitle);
  return (
    <section>
      <h1>{t.loadFailedTitle}</h1>
      <p>{t.loadFailedBody}</p>
      <button
        type="button"
        className="button button-primary"
        onClick={() => window.location.reload()}
      >
        {t.reload}
      </button>
    </section>
  );
}

/** What shows while the code of the first page opened loads. */
export function PageLoading() {
  const t = useMessages(appMessages);
  return <Progress label={t.loadingPage} />;
}
