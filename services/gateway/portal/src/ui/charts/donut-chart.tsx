import { formatNumber, useI18n, useMessages } from '../../i18n';
import { uiMessages } from '../messages';
import {
  ChartFigure,
  seriesClass,
  useValueFormat,
  type CategoryChartProps,
  type Datum,
} from './chart-figure';

export type DonutDatum = Datum;

const SIZE = 240;
const RADIUS = 100;
const HOLE = 60;

function point(angle: number, radius: number): string {
  const cx = SIZE / 2;
  const cy = SIZE / 2;
  return `${cx + radius * Math.sin(angle)} ${cy - radius * Math.cos(angle)}`;
}

/** The path of one ring segment from angle a to b (radians, clockwise from the top). */
export function segmentPath(a: number, b: number): string {
  const large = b - a > Math.PI ? 1 : 0;
  return [
    `M ${point(a, RADIUS)}`,
    `A ${RADIUS} ${RADIUS} 0 ${large} 1 ${point(b, RADIUS)}`,
    `L ${point(b, HOLE)}`,
    `A ${HOLE} ${HOLE} 0 ${large} 0 ${point(a, HOLE)}`,
    'Z',
  ].join(' ');
}

/** Shares of a whole, with the total in the middle and a legend giving each value and share. */
export function DonutChart({ title, description, data, valueLabel, format }: CategoryChartProps) {
  const t = useMessages(uiMessages);
  const { locale } = useI18n();
  const show = useValueFormat(format);
  const total = data.reduce((sum, d) => sum + Math.max(0, d.value), 0);
  const share = (value: number) =>
    total === 0 ? '0%' : `${formatNumber(locale, (Math.max(0, value) / total) * 100, 1)}%`;
  let angle = 0;
  const segments = data.map((d, index) => {
    const sweep = total === 0 ? 0 : (Math.max(0, d.value) / total) * 2 * Math.PI;
    // A full ring cannot be one arc: stop just short of the start.
    const segment = { d, index, from: angle, to: angle + Math.min(sweep, 2 * Math.PI - 1e-4) };
    angle += sweep;
    return segment;
  });

  return (
    <ChartFigure
      title={title}
      description={description}
      width={SIZE}
      height={SIZE}
      table={{
        rowHeader: t.category,
        columns: [valueLabel ?? t.value, t.share],
        rows: data.map((d) => ({ label: d.label, cells: [show(d.value), share(d.value)] })),
      }}
      legend={
        <ul className="chart-legend" aria-hidden="true">
          {data.map((d, index) => (
            <li key={d.label}>
              <svg width="14" height="14" className="chart-swatch">
                <rect width="14" height="14" className={seriesClass(index)} />
              </svg>
              {d.label}: {show(d.value)} ({share(d.value)})
            </li>
          ))}
        </ul>
      }
    >
      {total === 0 ? (
        <circle
          cx={SIZE / 2}
          cy={SIZE / 2}
          r={(RADIUS + HOLE) / 2}
          className="chart-empty-ring"
          fill="none"
          strokeWidth={RADIUS - HOLE}
        />
      ) : (
        segments
          .filter((s) => s.to > s.from)
          .map((s) => (
            <path key={s.d.label} d={segmentPath(s.from, s.to)} className={seriesClass(s.index)} />
          ))
      )}
      <text x={SIZE / 2} y={SIZE / 2 - 8} textAnchor="middle" className="chart-total-label">
        {t.total}
      </text>
      <text x={SIZE / 2} y={SIZE / 2 + 16} textAnchor="middle" className="chart-total">
        {show(total)}
      </text>
    </ChartFigure>
  );
}
