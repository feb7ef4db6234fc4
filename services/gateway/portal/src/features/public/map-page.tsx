import { PROVINCE_CODES } from '@kipp/contracts';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DonutChart } from '../../ui/charts/donut-chart';
import { Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { publicErrorCodes, publicMessages } from './messages';
import { NationalChart } from './national-chart';
import { PROVINCES, provinceName } from './provinces';
import { publicApi, type ProvinceDiffusion } from './public-api';
import { paramsFromQuery } from './search-state';
import { TileMap } from './tile-map';

const MEASURES = ['replicationsIn', 'replicationsOut', 'innovations'] as const;
type Measure = (typeof MEASURES)[number];

function isMeasure(value: string | null): value is Measure {
  return (MEASURES as readonly (string | null)[]).includes(value);
}

function ProvincePanel({ code, onClose }: { code: string; onClose: () => void }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  const detail = useApiQuery(`province-${code}`, (api, signal) =>
    publicApi.provinceDiffusion(api, code, signal),
  );
  const name = provinceName(code) ?? code;
  const data = detail.data;
  return (
    <section className="panel province-panel" aria-labelledby="province-panel" aria-live="polite">
      <h2 id="province-panel">{t.provincePanel(name)}</h2>
      {detail.loading ? <Progress label={t.loading} /> : null}
      {detail.error ? <ErrorAlert error={detail.error} codes={codes} /> : null}
      {data ? (
        <>
          <dl className="figures">
            <div>
              <dt>{t.innovations}</dt>
              <dd>{formatNumber(locale, data.innovations)}</dd>
            </div>
            <div>
              <dt>{t.replicationsIn}</dt>
              <dd>{formatNumber(locale, data.replicationsIn)}</dd>
            </div>
            <div>
              <dt>{t.replicationsOut}</dt>
              <dd>{formatNumber(locale, data.replicationsOut)}</dd>
            </div>
          </dl>
          <DonutChart
            title={t.byStatus}
            description={t.byStatus}
            valueLabel={t.innovations}
            data={Object.entries(data.byStatus).map(([status, value]) => ({
              label: t.status(status),
              value,
            }))}
          />
        </>
      ) : null}
      <p>
        <Link to={`/innovations?${paramsFromQuery({ province: code })}`}>
          {t.provinceInnovations}
        </Link>
      </p>
      <Button variant="secondary" onClick={onClose}>
        {t.closePanel}
      </Button>
    </section>
  );
}

export default function MapPage() {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const { locale } = useI18n();
  usePageTitle(t.mapTitle);
  const [params, setParams] = useSearchParams();
  const measureParam = params.get('measure');
  const measure: Measure = isMeasure(measureParam) ? measureParam : 'replicationsIn';
  const provinceParam = params.get('province');
  const selected =
    provinceParam !== null && (PROVINCE_CODES as readonly string[]).includes(provinceParam)
      ? provinceParam
      : null;
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const provinces = useApiQuery('provinces', (api, signal) => publicApi.provinces(api, signal));
  const national = useApiQuery('national', (api, signal) => publicApi.national(api, signal));
  const byCode = new Map<string, ProvinceDiffusion>(
    (provinces.data?.provinces ?? []).map((p) => [p.provinceCode, p]),
  );
  const values = new Map(PROVINCES.map((p) => [p.code, byCode.get(p.code)?.[measure] ?? 0]));
  const measureLabel = {
    replicationsIn: t.measureIn,
    replicationsOut: t.measureOut,
    innovations: t.measureInnovations,
  }[measure];
  const n = (value: number) => formatNumber(locale, value);

  return (
    <section className="page">
      <h1>{t.mapTitle}</h1>
      <p className="lead">{t.mapLead}</p>
      <Select
        label={t.mapMeasure}
        value={measure}
        options={[
          { value: 'replicationsIn', label: t.measureIn },
          { value: 'replicationsOut', label: t.measureOut },
          { value: 'innovations', label: t.measureInnovations },
        ]}
        onChange={(e) => update({ measure: e.target.value })}
      />
      {provinces.loading ? <Progress label={t.loading} /> : null}
      {provinces.error ? <ErrorAlert error={provinces.error} codes={codes} /> : null}
      {provinces.data ? (
        <div className="map-layout">
          <TileMap
            title={t.mapImage(measureLabel)}
            values={values}
            selected={selected}
            onSelect={(code) => update({ province: code })}
          />
          {selected ? (
            <ProvincePanel code={selected} onClose={() => update({ province: null })} />
          ) : (
            <p className="panel">{t.provinceHint}</p>
          )}
        </div>
      ) : null}
      {provinces.data ? (
        <details className="table-fallback">
          <summary>{t.showTable}</summary>
          <Table
            caption={t.mapTableCaption}
            rows={PROVINCES}
            rowKey={(p) => p.code}
            columns={[
              { key: 'name', header: t.province, rowHeader: true, cell: (p) => p.name },
              {
                key: 'innovations',
                header: t.innovations,
                numeric: true,
                cell: (p) => n(byCode.get(p.code)?.innovations ?? 0),
              },
              {
                key: 'in',
                header: t.replicationsIn,
                numeric: true,
                cell: (p) => n(byCode.get(p.code)?.replicationsIn ?? 0),
              },
              {
                key: 'out',
                header: t.replicationsOut,
                numeric: true,
                cell: (p) => n(byCode.get(p.code)?.replicationsOut ?? 0),
              },
            ]}
          />
        </details>
      ) : null}
      {national.error ? <ErrorAlert error={national.error} codes={codes} /> : null}
      {national.data ? <NationalChart national={national.data} provinces /> : null}
    </section>
  );
}
