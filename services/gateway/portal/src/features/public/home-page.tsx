import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { BarChart } from '../../ui/charts/bar-chart';
import { browserZone, DateTime } from '../../ui/date-time';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { topProvinces } from './diffusion';
import { currentEdition, usePublicEditions } from './editions';
import { loadHomeFigures } from './figures';
import { publicErrorCodes, publicMessages } from './messages';
import { NationalChart } from './national-chart';

/** The current edition and its calendar in the visitor's zone. */
function CurrentEdition() {
  const t = useMessages(publicMessages);
  const editions = usePublicEditions();
  const zone = browserZone();
  const current = editions.data ? currentEdition(editions.data.editions, new Date()) : null;
  return (
    <section aria-labelledby="current-edition">
      <h2 id="current-edition">{t.editionTitle}</h2>
      {editions.loading ? <Progress label={t.loading} /> : null}
      {editions.error ? <ErrorAlert error={editions.error} /> : null}
      {editions.data && !current ? <p>{t.noEdition}</p> : null}
      {current ? (
        <>
          <p className="lead">
            {current.phase
              ? t.editionPhase(current.edition.configuration.name, t.phase(current.phase))
              : t.editionNoPhase(current.edition.configuration.name)}
          </p>
          <Table
            caption={t.calendarCaption(current.edition.configuration.name, zone)}
            rows={current.edition.configuration.calendar}
            rowKey={(entry) => entry.phase}
            columns={[
              {
                key: 'phase',
                header: t.calendarPhase,
                rowHeader: true,
                cell: (entry) =>
                  entry.phase === current.phase
                    ? `${t.phase(entry.phase)} (${t.calendarCurrent})`
                    : t.phase(entry.phase),
              },
              {
                key: 'start',
                header: t.calendarStart,
                cell: (entry) => <DateTime value={entry.startsAt} zone={zone} />,
              },
              {
                key: 'end',
                header: t.calendarEnd,
                cell: (entry) => <DateTime value={entry.endsAt} zone={zone} />,
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

export default function HomePage() {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  usePageTitle(t.homeTitle);
  const figures = useApiQuery('public-home', (api, signal) => loadHomeFigures(api, signal));
  const n = (value: number) => formatNumber(locale, value);
  const data = figures.data;
  const byProvince = data ? topProvinces(data.provinces, 'innovations', 10) : [];

  return (
    <section className="page public-home">
      <h1>{t.homeTitle}</h1>
      <p className="lead">{t.homeLead}</p>
      <nav aria-label={t.explore}>
        <ul className="link-list">
          <li>
            <Link to="/innovations">{t.databaseTitle}</Link>
          </li>
          <li>
            <Link to="/results">{t.resultsTitle}</Link>
          </li>
          <li>
            <Link to="/map">{t.mapTitle}</Link>
          </li>
          <li>
            <Link to="/verify">{t.verifyTitle}</Link>
          </li>
          <li>
            <Link to="/objections">{t.objectionTitle}</Link>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="figures">
        <h2 id="figures">{t.figuresTitle}</h2>
        {figures.loading && !data ? <Progress label={t.loading} /> : null}
        {figures.error ? <ErrorAlert error={figures.error} codes={codes} /> : null}
        {data ? (
          <dl className="figures">
            <div>
              <dt>{t.figureInnovations}</dt>
              <dd>{n(data.national.totals.innovations)}</dd>
            </div>
            <div>
              <dt>{t.figureReplications}</dt>
              <dd>{n(data.national.totals.confirmedReplications)}</dd>
            </div>
            <div>
              <dt>{t.figureProvinces}</dt>
              <dd>
                {n(data.national.totals.provincesReached)} / {n(data.provinces.length || 38)}
              </dd>
            </div>
            <div>
              <dt>{t.figureEditions}</dt>
              <dd>{n(data.editions.length)}</dd>
            </div>
            {data.national.totals.activeShare !== null ? (
              <div>
                <dt>{t.figureActive}</dt>
                <dd>{`${formatNumber(locale, data.national.totals.activeShare * 100, 1)}%`}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </section>

      <CurrentEdition />

      {data ? (
        <section aria-labelledby="charts" className="chart-grid-2">
          <h2 id="charts" className="visually-hidden">
            {t.chartNational}
          </h2>
          <NationalChart national={data.national} />
          {byProvince.length > 0 ? (
            <BarChart
              title={t.chartByProvince}
              description={t.chartByProvinceDesc(
                byProvince
                  .slice(0, 3)
                  .map((p) => p.label)
                  .join(', '),
              )}
              valueLabel={t.innovations}
              data={byProvince}
            />
          ) : null}
          <BarChart
            title={t.chartByTier}
            description={t.chartByTierDesc}
            valueLabel={t.innovations}
            data={data.tiers.map((d) => ({ label: t.tier(d.tier), value: d.count }))}
          />
        </section>
      ) : null}
    </section>
  );
}
