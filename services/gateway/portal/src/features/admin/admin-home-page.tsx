import { Link } from 'react-router';
import { EditionLinks } from './shared/edition-links';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { editionApi } from './editions/edition-api';
import { editionMessages } from './editions/messages';
import { homeMessages } from './home-messages';
import { adminMessages } from './shared/messages';

/** The admin's areas: where each lives and the texts of its card. */
const AREAS = [
  ['/admin/editions', 'editions'],
  ['/admin/institutions', 'institutions'],
  ['/admin/local-admin-requests', 'requests'],
  ['/admin/accounts', 'accounts'],
  ['/admin/broadcasts', 'broadcasts'],
  ['/admin/deliveries', 'deliveries'],
  ['/admin/exports', 'exports'],
] as const;

/** The national admin's start page: the areas, and each published edition's evaluation pages. */
export default function AdminHomePage() {
  const t = useMessages(homeMessages);
  const common = useMessages(adminMessages);
  const editionTexts = useMessages(editionMessages);
  usePageTitle(t.title);
  const query = useApiQuery('editions', (api, signal) => editionApi.list(api, signal));
  const published = (query.data?.editions ?? []).filter((e) => e.status === 'published');
  return (
    <section>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul className="cards">
        {AREAS.map(([to, area]) => (
          <li key={to} className="card">
            <h2>{t[`${area}Title`]}</h2>
            <p>{t[`${area}Body`]}</p>
            <Link to={to}>{t[`${area}Link`]}</Link>
          </li>
        ))}
      </ul>
      <h2>{t.evaluationTitle}</h2>
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(editionTexts)} /> : null}
      {query.loading && !query.data ? (
        <Progress label={common.loading} />
      ) : published.length === 0 ? (
        <EmptyState title={t.noPublished} />
      ) : (
        <Table
          caption={t.evaluationCaption}
          rows={published}
          rowKey={(e) => e.editionId}
          columns={[
            {
              key: 'edition',
              header: t.colEdition,
              rowHeader: true,
              cell: (e) => e.configuration.name,
            },
            {
              key: 'links',
              header: t.colLinks,
              cell: (e) => (
                <EditionLinks editionId={e.editionId} editionName={e.configuration.name} />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
