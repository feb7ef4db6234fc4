import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages, type Locale } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { BarChart } from '../../ui/charts/bar-chart';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { adoptionsPerYear, spreadSteps } from './diffusion';
import { publicErrorCodes, publicMessages } from './messages';
import { provinceName } from './provinces';
import { publicApi, type InnovationDetail } from './public-api';
import { paramsFromQuery } from './search-state';
import { usePublicEditions } from './editions';

/** The indicative proposal sections of the brief, for editions whose form the visitor cannot read. */
const KNOWN_SECTIONS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  summary: { id: 'Ringkasan', en: 'Summary' },
  'innovative-idea': { id: 'Gagasan inovatif', en: 'Innovative idea' },
  significance: { id: 'Signifikansi', en: 'Significance' },
  'sdg-contribution': { id: 'Kontribusi terhadap TPB/SDG', en: 'Contribution to the SDGs' },
  adaptability: { id: 'Adaptabilitas', en: 'Adaptability' },
  sustainability: { id: 'Keberlanjutan', en: 'Sustainability' },
  'stakeholder-collaboration': {
    id: 'Kolaborasi pemangku kepentingan',
    en: 'Stakeholder collaboration',
  },
};

/**
 * A section's heading: its title in the edition's form when known (registration shows
 * editions to signed-in people), else the brief's name for it, else its id made readable.
 */
export function sectionHeading(
  sectionId: string,
  locale: Locale,
  form: readonly { sectionId: string; title: Readonly<Record<Locale, string>> }[] = [],
): string {
  const title = form.find((s) => s.sectionId === sectionId)?.title[locale];
  if (title) return title;
  const known = KNOWN_SECTIONS[sectionId]?.[locale];
  if (known) return known;
  const words = sectionId.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Diffusion({ id }: { id: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const diffusion = useApiQuery(`diffusion-${id}`, (api, signal) =>
    publicApi.innovationDiffusion(api, id, signal),
  );
  const data = diffusion.data;
  const perYear = data ? adoptionsPerYear(data) : [];
  const steps = data ? spreadSteps(data.graph) : [];
  return (
    <section aria-labelledby="diffusion">
      <h2 id="diffusion">{t.diffusionTitle}</h2>
      {diffusion.loading ? <Progress label={t.loading} /> : null}
      {diffusion.error ? <ErrorAlert error={diffusion.error} codes={codes} /> : null}
      {data ? (
        <>
          <dl className="figures">
            <div>
              <dt>{t.diffusionReplications}</dt>
              <dd>{formatNumber(locale, data.replications)}</dd>
            </div>
            <div>
              <dt>{t.diffusionProvinces}</dt>
              <dd>{formatNumber(locale, data.provincesReached.count)}</dd>
            </div>
            <div>
              <dt>{t.diffusionFirst}</dt>
              <dd>
                {data.timeToFirstReplicationDays === null
                  ? t.diffusionNone
                  : formatNumber(locale, data.timeToFirstReplicationDays)}
              </dd>
            </div>
          </dl>
          {perYear.length > 0 ? (
            <BarChart
              title={t.chartAdoptions}
              description={t.chartAdoptionsDesc(data.replications)}
              valueLabel={t.count}
              data={perYear.map((y) => ({ label: y.year, value: y.count }))}
            />
          ) : null}
          <h3>{t.spreadTitle}</h3>
          {steps.length === 0 ? (
            <p>{t.noSpread}</p>
          ) : (
            <ol className="spread-steps">
              {steps.map((step) => (
                <li key={step.step}>
                  <h4>{t.spreadStep(step.step)}</h4>
                  <ul>
                    {step.links.map((link, index) => (
                      <li key={`${link.adopter}-${index}`}>
                        {t.spreadLink(link.from, link.adopter)}
                        {link.adopterProvince ? ` (${link.adopterProvince})` : ''}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : null}
    </section>
  );
}

function Replications({ id }: { id: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const list = useApiQuery(`replications-${id}`, (api, signal) =>
    publicApi.replications(api, { innovationId: id, limit: 100 }, signal),
  );
  return (
    <section aria-labelledby="replications">
      <h2 id="replications">{t.replicationsTitle}</h2>
      {list.loading ? <Progress label={t.loading} /> : null}
      {list.error ? <ErrorAlert error={list.error} codes={codes} /> : null}
      {list.data && list.data.replications.length === 0 ? <p>{t.noReplications}</p> : null}
      {list.data && list.data.replications.length > 0 ? (
        <Table
          caption={t.replicationsCaption}
          rows={list.data.replications}
          rowKey={(r) => r.replicationId}
          columns={[
            { key: 'title', header: t.replication, rowHeader: true, cell: (r) => r.title },
            {
              key: 'adopter',
              header: t.adopter,
              cell: (r) => r.adopterInstitutionName ?? '–',
            },
            {
              key: 'province',
              header: t.province,
              cell: (r) => provinceName(r.adopterProvinceCode) ?? t.noProvince,
            },
            { key: 'status', header: t.filterStatus, cell: (r) => t.linkStatus(r.status) },
            {
              key: 'recorded',
              header: t.recordedAt,
              cell: (r) => <DateTime value={r.recordedAt} dateOnly />,
            },
          ]}
        />
      ) : null}
    </section>
  );
}

function Visits({ id }: { id: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const visits = useApiQuery(`visits-${id}`, (api, signal) => publicApi.visits(api, id, signal));
  return (
    <section aria-labelledby="visits">
      <h2 id="visits">{t.visitsTitle}</h2>
      {visits.loading ? <Progress label={t.loading} /> : null}
      {visits.error ? <ErrorAlert error={visits.error} codes={codes} /> : null}
      {visits.data && visits.data.visits.length === 0 ? <p>{t.noVisits}</p> : null}
      {visits.data && visits.data.visits.length > 0 ? (
        <Table
          caption={t.visitsCaption}
          rows={visits.data.visits}
          rowKey={(v) => v.visitId}
          columns={[
            {
              key: 'date',
              header: t.visitDate,
              rowHeader: true,
              cell: (v) => <DateTime value={v.visitedOn} dateOnly />,
            },
            { key: 'visitor', header: t.visitor, cell: (v) => v.visitorInstitutionName ?? '–' },
            { key: 'purpose', header: t.visitPurpose, cell: (v) => v.purpose },
            { key: 'led', header: t.visitLed, cell: (v) => (v.ledToReplication ? t.yes : t.no) },
          ]}
        />
      ) : null}
    </section>
  );
}

function CheckIns({ innovation }: { innovation: InnovationDetail }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const id = innovation.innovationId;
  const checkIns = useApiQuery(`check-ins-${id}`, (api, signal) =>
    publicApi.checkIns(api, id, signal),
  );
  return (
    <section aria-labelledby="check-ins">
      <h2 id="check-ins">{t.checkInsTitle}</h2>
      <p>
        <span className="tag tag-strong">{t.currentStatus(t.status(innovation.status))}</span>
      </p>
      {checkIns.loading ? <Progress label={t.loading} /> : null}
      {checkIns.error ? <ErrorAlert error={checkIns.error} codes={codes} /> : null}
      {checkIns.data && checkIns.data.checkIns.length === 0 ? <p>{t.noCheckIns}</p> : null}
      {checkIns.data && checkIns.data.checkIns.length > 0 ? (
        <Table
          caption={t.checkInsCaption}
          rows={checkIns.data.checkIns}
          rowKey={(c) => String(c.period)}
          columns={[
            {
              key: 'period',
              header: t.checkInPeriod,
              rowHeader: true,
              cell: (c) => String(c.period),
            },
            { key: 'state', header: t.checkInState, cell: (c) => t.checkInStatus(c.status) },
            {
              key: 'outcome',
              header: t.checkInOutcome,
              cell: (c) => (c.outcome ? t.status(c.outcome) : '–'),
            },
            {
              key: 'answered',
              header: t.checkInAnswered,
              cell: (c) => (c.answeredAt ? <DateTime value={c.answeredAt} dateOnly /> : '–'),
            },
          ]}
        />
      ) : null}
    </section>
  );
}

export default function InnovationPage() {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { id = '' } = useParams();
  const innovation = useApiQuery(`innovation-${id}`, (api, signal) =>
    publicApi.innovation(api, id, signal),
  );
  const data = innovation.data;
  usePageTitle(data?.title ?? t.databaseTitle);
  const { locale } = useI18n();
  const editions = usePublicEditions();
  const awards = data ? [...data.awards].sort((a, b) => b.year - a.year) : [];
  const form =
    editions.data?.editions.find((e) => e.editionId === awards[0]?.editionId)?.configuration.form
      .sections ?? [];

  return (
    <article className="page">
      <p>
        <Link to="/innovations">{t.detailBack}</Link>
      </p>
      {!data ? <h1>{t.databaseTitle}</h1> : null}
      {innovation.loading ? <Progress label={t.loading} /> : null}
      {innovation.error ? <ErrorAlert error={innovation.error} codes={codes} /> : null}
      {data ? (
        <>
          <h1>{data.title}</h1>
          <dl className="summary">
            <dt>{t.institution}</dt>
            <dd>
              {data.institutionName} ({t.institutionType(data.institutionType)}) ·{' '}
              <Link to={`/innovations?${paramsFromQuery({ institution: data.institutionId })}`}>
                {t.moreFromInstitution}
              </Link>
            </dd>
            <dt>{t.province}</dt>
            <dd>{provinceName(data.provinceCode) ?? t.noProvince}</dd>
            <dt>{t.category}</dt>
            <dd>{data.categoryId}</dd>
            <dt>{t.sdgTargets}</dt>
            <dd>{data.sdgTargets.length > 0 ? data.sdgTargets.join(', ') : '–'}</dd>
            <dt>{t.filterStatus}</dt>
            <dd>{t.status(data.status)}</dd>
          </dl>

          <section aria-labelledby="sections">
            <h2 id="sections">{t.sections}</h2>
            {data.sections.length === 0 ? <p>{t.noSections}</p> : null}
            {data.sections.map((section) => (
              <section key={section.sectionId}>
                <h3>{sectionHeading(section.sectionId, locale, form)}</h3>
                <p className="preserve-lines">{section.text}</p>
              </section>
            ))}
          </section>

          <section aria-labelledby="awards">
            <h2 id="awards">{t.awardHistory}</h2>
            {awards.length === 0 ? (
              <EmptyState title={t.noAwards} />
            ) : (
              <Table
                caption={t.awardHistory}
                hideCaption
                rows={awards}
                rowKey={(a) => `${a.editionId}-${a.tier}`}
                columns={[
                  { key: 'year', header: t.year, rowHeader: true, cell: (a) => String(a.year) },
                  {
                    key: 'edition',
                    header: t.awardEdition,
                    cell: (a) => (
                      <Link to={`/results/${encodeURIComponent(a.editionId)}`}>{a.editionId}</Link>
                    ),
                  },
                  { key: 'group', header: t.awardGroup, cell: (a) => t.group(a.groupId) },
                  { key: 'tier', header: t.awardTier, cell: (a) => t.tier(a.tier) },
                ]}
              />
            )}
          </section>

          <Replications id={data.innovationId} />
          <Diffusion id={data.innovationId} />
          <Visits id={data.innovationId} />
          <CheckIns innovation={data} />
        </>
      ) : null}
    </article>
  );
}
