import { codeMessages } from '../../api/code-messages';
import {
  Deadline,
  useEditions,
  useInstitution,
  groupName,
  categoryName,
} from '../operator/proposal-parts';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { BarChart } from '../../ui/charts/bar-chart';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { useNow } from '../operator/deadline';
import { proposalApi, submissionClose } from '../operator/proposal-api';
import { categoryUse, currentEdition, quotaApi, stuckDrafts } from './local-admin-api';
import { LocalAdminNav } from './local-admin-nav';
import { localAdminMessages } from './messages';

/** The institution's deadline, quota use per group and category, and where proposals sit. */
export default function OverviewPage() {
  const t = useMessages(localAdminMessages);
  const { locale } = useI18n();
  usePageTitle(t.overviewTitle);
  const now = useNow();
  const editions = useEditions();
  const { zone, name } = useInstitution();
  const edition = currentEdition(editions.editions);
  const proposals = useApiQuery(
    edition ? `institution-proposals:${edition.editionId}` : null,
    (api, signal) => proposalApi.list(api, { editionId: edition?.editionId ?? '' }, signal),
  );
  const items = proposals.data?.items ?? [];
  const quotaUsage = useApiQuery(
    edition ? `quota-usage:${edition.editionId}` : null,
    (api, signal) => quotaApi.usage(api, edition?.editionId ?? '', signal),
  );
  const quota = quotaUsage.data?.groups ?? [];
  const categories = edition ? categoryUse(edition, items) : [];
  const sitting = stuckDrafts(items, now);
  const groupLabel = (id: string) => groupName(edition, id, locale);
  const categoryLabel = (id: string) => categoryName(edition, id, locale);

  return (
    <section>
      <h1>{t.overviewTitle}</h1>
      <LocalAdminNav />
      {name ? <p>{name}</p> : null}
      {editions.error ? <ErrorAlert error={editions.error} codes={codeMessages(t)} /> : null}
      {editions.loading && !editions.data ? <Progress label={t.loading} /> : null}
      {editions.data && !edition ? <EmptyState title={t.noEdition} /> : null}
      {edition ? (
        <>
          <section aria-labelledby="deadline-heading" className="panel">
            <h2 id="deadline-heading">{t.deadlineHeading}</h2>
            <p>
              {t.edition}: {edition.configuration.name}
            </p>
            <p>{t.deadlineText(zone)}</p>
            <p>
              <Deadline close={submissionClose(edition)} zone={zone} now={now} />
            </p>
          </section>
          {proposals.error ? <ErrorAlert error={proposals.error} codes={codeMessages(t)} /> : null}
          {quotaUsage.error ? (
            <ErrorAlert error={quotaUsage.error} codes={codeMessages(t)} />
          ) : null}
          {proposals.loading && !proposals.data ? <Progress label={t.loading} /> : null}
          {proposals.data ? (
            <>
              <section aria-labelledby="status-heading">
                <h2 id="status-heading">{t.summaryHeading}</h2>
                <ul>
                  <li>{t.withUnits(sitting.filter((s) => s.sittingWith === 'unit').length)}</li>
                  <li>{t.withMe(sitting.filter((s) => s.sittingWith === 'local_admin').length)}</li>
                </ul>
              </section>
              <section aria-labelledby="quota-heading">
                <h2 id="quota-heading">{t.quotaHeading}</h2>
                <BarChart
                  title={t.quotaChart}
                  description={t.quotaChartText}
                  valueLabel={t.colUsed}
                  data={quota.map((q) => ({
                    label: `${groupLabel(q.groupId)} (${q.used}/${q.quota})`,
                    value: q.used,
                  }))}
                />
                <Table
                  caption={t.quotaCaption}
                  rows={quota}
                  rowKey={(row) => row.groupId}
                  columns={[
                    {
                      key: 'group',
                      header: t.colGroup,
                      rowHeader: true,
                      cell: (row) => groupLabel(row.groupId),
                    },
                    { key: 'used', header: t.colUsed, numeric: true, cell: (row) => row.used },
                    { key: 'quota', header: t.colQuota, numeric: true, cell: (row) => row.quota },
                    { key: 'left', header: t.colLeft, numeric: true, cell: (row) => row.left },
                  ]}
                />
                <BarChart
                  title={t.categoryChart}
                  description={t.categoryChartText}
                  valueLabel={t.colForwarded}
                  data={categories.map((c) => ({
                    label: categoryLabel(c.categoryId),
                    value: c.forwarded,
                  }))}
                />
                <Table
                  caption={t.categoryCaption}
                  rows={categories}
                  rowKey={(row) => row.categoryId}
                  columns={[
                    {
                      key: 'category',
                      header: t.colCategory,
                      rowHeader: true,
                      cell: (row) => categoryLabel(row.categoryId),
                    },
                    {
                      key: 'forwarded',
                      header: t.colForwarded,
                      numeric: true,
                      cell: (row) => row.forwarded,
                    },
                    {
                      key: 'progress',
                      header: t.colInProgress,
                      numeric: true,
                      cell: (row) => row.inProgress,
                    },
                  ]}
                />
              </section>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
