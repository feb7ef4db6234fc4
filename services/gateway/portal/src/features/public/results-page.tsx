import { useState, type SyntheticEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { BarChart } from '../../ui/charts/bar-chart';
import { EmptyState } from '../../ui/empty-state';
import { Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { groupResults, highestTier, tierCounts } from './diffusion';
import { categoryName, loadKnownEditions, usePublicEditions, yearsBetween } from './editions';
import { publicErrorCodes, publicMessages } from './messages';
import { publicApi } from './public-api';

function useKnownEditions() {
  return useApiQuery('known-editions', async (api, signal) => {
    const national = await publicApi.national(api, signal);
    return loadKnownEditions(api, yearsBetween(national.from, national.to), signal);
  });
}

function EditionPicker({ current }: { current: string | undefined }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const navigate = useNavigate();
  const editions = useKnownEditions();
  const [choice, setChoice] = useState(current ?? '');
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (choice) void navigate(`/results/${encodeURIComponent(choice)}`);
  };
  const list = editions.data ?? [];
  return (
    <section aria-labelledby="editions">
      <h2 id="editions">{t.editionsCaption}</h2>
      {editions.loading ? <Progress label={t.loading} /> : null}
      {editions.error ? <ErrorAlert error={editions.error} codes={codes} /> : null}
      {editions.data && list.length === 0 ? <EmptyState title={t.noEditions} /> : null}
      {list.length > 0 ? (
        <>
          <form className="form toolbar" onSubmit={submit}>
            <Select
              label={t.editionPick}
              value={choice}
              placeholder="—"
              options={list.map((e) => ({
                value: e.editionId,
                label: t.editionOption(e.year, e.editionId),
              }))}
              onChange={(e) => setChoice(e.target.value)}
            />
            <Button type="submit" disabled={choice === ''}>
              {t.showResults}
            </Button>
          </form>
          {current === undefined ? (
            <Table
              caption={t.editionsCaption}
              hideCaption
              rows={list}
              rowKey={(e) => e.editionId}
              columns={[
                {
                  key: 'edition',
                  header: t.editionPick,
                  rowHeader: true,
                  cell: (e) => (
                    <Link to={`/results/${encodeURIComponent(e.editionId)}`}>
                      {t.editionOption(e.year, e.editionId)}
                    </Link>
                  ),
                },
                {
                  key: 'finalists',
                  header: t.finalistCount,
                  numeric: true,
                  cell: (e) => formatNumber(locale, e.finalists),
                },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function EditionResults({ editionId }: { editionId: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const results = useApiQuery(`results-${editionId}`, (api, signal) =>
    publicApi.results(api, editionId, signal),
  );
  // Category names live in registration's published edition.
  const editions = usePublicEditions();
  const edition = editions.data?.editions.find((e) => e.editionId === editionId);
  const data = results.data;
  const groups = data ? groupResults(data) : [];
  return (
    <section aria-labelledby="edition-results">
      <h2 id="edition-results">
        {t.editionResultsTitle(edition?.configuration.name ?? editionId)}
      </h2>
      {results.loading ? <Progress label={t.loading} /> : null}
      {results.error ? <ErrorAlert error={results.error} codes={codes} /> : null}
      {data && data.length === 0 ? <EmptyState title={t.noResultsYet} /> : null}
      {data && data.length > 0 ? (
        <>
          <BarChart
            title={t.chartTiers}
            description={t.chartTiersDesc(data.length)}
            valueLabel={t.count}
            data={tierCounts(data).map((c) => ({ label: t.tier(c.tier), value: c.count }))}
          />
          {groups.map((group) => (
            <section key={group.groupId} aria-labelledby={`group-${group.groupId}`}>
              <h3 id={`group-${group.groupId}`}>{t.resultGroup(t.group(group.groupId))}</h3>
              {group.categories.map((category) => (
                <Table
                  key={category.categoryId}
                  caption={t.resultCaption(
                    t.group(group.groupId),
                    categoryName(edition, category.categoryId, locale),
                  )}
                  rows={category.results}
                  rowKey={(r) => r.proposalId}
                  columns={[
                    { key: 'title', header: t.resultTitle, rowHeader: true, cell: (r) => r.title },
                    {
                      key: 'institution',
                      header: t.institution,
                      cell: (r) => r.institutionName ?? r.institutionId,
                    },
                    {
                      key: 'tier',
                      header: t.resultTiers,
                      cell: (r) => (
                        <>
                          <span className="tag tag-strong">{t.tier(highestTier(r.tiers))}</span>
                          {r.tiers.length > 1 ? (
                            <span className="visually-hidden">
                              {' '}
                              ({r.tiers.map((tier) => t.tier(tier)).join(', ')})
                            </span>
                          ) : null}
                        </>
                      ),
                    },
                  ]}
                />
              ))}
            </section>
          ))}
        </>
      ) : null}
    </section>
  );
}

export default function ResultsPage() {
  const t = useMessages(publicMessages);
  const { editionId } = useParams();
  usePageTitle(editionId ? t.editionResultsTitle(editionId) : t.resultsTitle);
  return (
    <section className="page">
      <h1>{t.resultsTitle}</h1>
      <p className="lead">{t.resultsLead}</p>
      <EditionPicker key={editionId ?? ''} current={editionId} />
      {editionId ? <EditionResults editionId={editionId} /> : null}
    </section>
  );
}
