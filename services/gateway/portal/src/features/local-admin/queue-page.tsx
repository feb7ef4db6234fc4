import { codeMessages } from '../../api/code-messages';
import { useEditions, useInstitution, groupName, categoryName } from '../operator/proposal-parts';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { proposalApi, type ProposalSummary } from '../operator/proposal-api';
import { LocalAdminNav } from './local-admin-nav';
import { localAdminMessages } from './messages';

/** Proposals the institution's units submitted, waiting for review, the oldest first. */
export default function QueuePage() {
  const t = useMessages(localAdminMessages);
  const { locale } = useI18n();
  usePageTitle(t.queueTitle);
  const { byId } = useEditions();
  const { zone } = useInstitution();
  const queue = useApiQuery('review-queue', (api, signal) =>
    proposalApi.list(api, { status: 'submitted' }, signal),
  );
  const items = [...(queue.data?.items ?? [])].sort((a, b) =>
    a.statusSince.localeCompare(b.statusSince),
  );
  return (
    <section>
      <h1>{t.queueTitle}</h1>
      <LocalAdminNav />
      {queue.error ? <ErrorAlert error={queue.error} codes={codeMessages(t)} /> : null}
      {queue.loading && !queue.data ? (
        <Progress label={t.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.queueEmpty} />
      ) : (
        <Table<ProposalSummary>
          caption={t.queueCaption}
          rows={items}
          rowKey={(row) => row.proposalId}
          columns={[
            {
              key: 'title',
              header: t.colTitle,
              rowHeader: true,
              cell: (row) => (
                <Link
                  to={`/local-admin/proposals/${encodeURIComponent(row.proposalId)}`}
                  aria-label={t.review(row.title)}
                >
                  {row.title}
                </Link>
              ),
            },
            { key: 'unit', header: t.colUnit, cell: (row) => row.unitId },
            {
              key: 'group',
              header: t.colGroup,
              cell: (row) => groupName(byId.get(row.editionId), row.groupId, locale),
            },
            {
              key: 'category',
              header: t.colCategory,
              cell: (row) => categoryName(byId.get(row.editionId), row.categoryId, locale),
            },
            {
              key: 'since',
              header: t.colWaiting,
              cell: (row) => <DateTime value={row.statusSince} zone={zone} />,
            },
          ]}
        />
      )}
    </section>
  );
}
