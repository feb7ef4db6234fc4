import { codeMessages } from '../../api/code-messages';
import { Deadline, useEditions, useInstitution } from '../operator/proposal-parts';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { useNow } from '../operator/deadline';
import { proposalApi, submissionClose } from '../operator/proposal-api';
import { currentEdition, stuckDrafts, type StuckDraft } from './local-admin-api';
import { LocalAdminNav } from './local-admin-nav';
import { localAdminMessages } from './messages';

/** Who holds which unforwarded proposal since when, longest first (`?edition=` picks the edition). */
export default function DraftsPage() {
  const t = useMessages(localAdminMessages);
  usePageTitle(t.draftsTitle);
  const now = useNow();
  const { editions, byId } = useEditions();
  const { zone } = useInstitution();
  const [search] = useSearchParams();
  const wanted = search.get('edition');
  const edition = (wanted ? byId.get(wanted) : undefined) ?? currentEdition(editions);
  const editionId = edition?.editionId ?? null;
  const report = useApiQuery(editionId ? `drafts-report:${editionId}` : null, (api, signal) =>
    proposalApi.draftsReport(api, editionId ?? '', signal),
  );
  const proposals = useApiQuery(editionId ? `drafts:${editionId}` : null, (api, signal) =>
    proposalApi.list(api, { editionId: editionId ?? '' }, signal),
  );
  const rows = stuckDrafts(proposals.data?.items ?? [], now);
  const oldest = report.data?.institutions[0]?.oldestSittingSince ?? null;
  return (
    <section>
      <h1>{t.draftsTitle}</h1>
      <LocalAdminNav />
      <p>{t.draftsIntro}</p>
      {edition ? (
        <p>
          {t.edition}: {edition.configuration.name} ·{' '}
          <Deadline close={submissionClose(edition)} zone={zone} now={now} />
        </p>
      ) : null}
      {oldest ? (
        <p>
          {t.oldest}: <DateTime value={oldest} zone={zone} />
        </p>
      ) : null}
      {report.error ? <ErrorAlert error={report.error} codes={codeMessages(t)} /> : null}
      {proposals.error ? <ErrorAlert error={proposals.error} codes={codeMessages(t)} /> : null}
      {proposals.loading && !proposals.data ? (
        <Progress label={t.loading} />
      ) : rows.length === 0 ? (
        <EmptyState title={t.draftsEmpty} />
      ) : (
        <Table<StuckDraft>
          caption={t.draftsCaption}
          rows={rows}
          rowKey={(row) => row.proposal.proposalId}
          columns={[
            {
              key: 'title',
              header: t.colTitle,
              rowHeader: true,
              cell: (row) =>
                row.sittingWith === 'local_admin' ? (
                  <Link
                    to={`/local-admin/proposals/${encodeURIComponent(row.proposal.proposalId)}`}
                  >
                    {row.proposal.title}
                  </Link>
                ) : (
                  row.proposal.title
                ),
            },
            { key: 'unit', header: t.colUnit, cell: (row) => row.proposal.unitId },
            { key: 'holder', header: t.colHolder, cell: (row) => t[`holder_${row.sittingWith}`] },
            {
              key: 'since',
              header: t.colSince,
              cell: (row) => <DateTime value={row.proposal.statusSince} zone={zone} />,
            },
            {
              key: 'days',
              header: t.colDays,
              numeric: true,
              cell: (row) => t.daysWaiting(row.days),
            },
          ]}
        />
      )}
    </section>
  );
}
