import { useMessages } from '../../i18n';
import { LineChart } from '../../ui/charts/line-chart';
import { EmptyState } from '../../ui/empty-state';
import { nationalSeries } from './diffusion';
import { publicMessages } from './messages';
import type { NationalDiffusion } from './public-api';

/** The national diffusion series per year; with `provinces`, the provinces reached too. */
export function NationalChart({
  national,
  provinces = false,
}: {
  national: NationalDiffusion;
  provinces?: boolean;
}) {
  const t = useMessages(publicMessages);
  const series = nationalSeries(national);
  if (series.years.length === 0) {
    return <EmptyState title={t.chartNational}>{t.noData}</EmptyState>;
  }
  return (
    <LineChart
      title={t.chartNational}
      description={t.chartNationalDesc(
        series.years[0] ?? '',
        series.years[series.years.length - 1] ?? '',
      )}
      xLabel={t.year}
      xLabels={series.years}
      series={[
        { name: t.seriesPublished, values: series.published },
        { name: t.seriesReplications, values: series.replications },
        ...(provinces ? [{ name: t.seriesProvinces, values: series.provinces }] : []),
      ]}
    />
  );
}
