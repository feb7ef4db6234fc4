import { ChartFigure, seriesClass, useValueFormat, valueAxis } from './chart-figure';

export interface LineSeries {
  readonly name: string;
  /** One value per x label; null where there is none. */
  readonly values: readonly (number | null)[];
}

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 56;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 40;

/** Lines over ordered categories (years, days), with point markers and a legend. */
export function LineChart({
  title,
  description,
  xLabel,
  xLabels,
  series,
  format,
}: {
  title: string;
  description: string;
  /** What the x labels are (the table's first column), e.g. "Year". */
  xLabel: string;
  xLabels: readonly string[];
  series: readonly LineSeries[];
  format?: (value: number) => string;
}) {
  const show = useValueFormat(format);
  const { top, ticks } = valueAxis(
    series.flatMap((s) => s.values.filter((v): v is number => v !== null)),
  );
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) =>
    LEFT + (xLabels.length <= 1 ? plotWidth / 2 : (index / (xLabels.length - 1)) * plotWidth);
  const y = (value: number) => TOP + plotHeight - (Math.max(0, value) / top) * plotHeight;

  return (
    <ChartFigure
      title={title}
      description={description}
      width={WIDTH}
      height={HEIGHT}
      table={{
        rowHeader: xLabel,
        columns: series.map((s) => s.name),
        rows: xLabels.map((label, index) => ({
          label,
          cells: series.map((s) => {
            const value = s.values[index];
            return value === null || value === undefined ? '–' : show(value);
          }),
        })),
      }}
      legend={
        series.length > 1 ? (
          <ul className="chart-legend" aria-hidden="true">
            {series.map((s, index) => (
              <li key={s.name}>
                <svg width="14" height="14" className="chart-swatch">
                  <rect width="14" height="14" className={seriesClass(index)} />
                </svg>
                {s.name}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    >
      <g className="chart-grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
            <text
              x={LEFT - 8}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-tick"
            >
              {show(tick)}
            </text>
          </g>
        ))}
        {xLabels.map((label, index) => (
          <text key={label} x={x(index)} y={HEIGHT - 12} textAnchor="middle" className="chart-tick">
            {label}
          </text>
        ))}
      </g>
      {series.map((s, seriesIndex) => {
        const points = s.values
          .map((value, index) => (value === null ? null : { x: x(index), y: y(value) }))
          .filter((p): p is { x: number; y: number } => p !== null);
        return (
          <g key={s.name} className={`chart-line ${seriesClass(seriesIndex)}`}>
            <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" />
            {points.map((p) => (
              <circle key={`${p.x}`} cx={p.x} cy={p.y} r={4} />
            ))}
          </g>
        );
      })}
    </ChartFigure>
  );
}
