import { useMessages } from '../../i18n';
import { uiMessages } from '../messages';
import {
  ChartFigure,
  useValueFormat,
  valueAxis,
  type CategoryChartProps,
  type Datum,
} from './chart-figure';

export type BarDatum = Datum;

const ROW = 32;
const BAR = 20;
const LABEL_WIDTH = 200;
const VALUE_GAP = 8;
const WIDTH = 640;
const TOP = 8;
const AXIS = 24;

/** Horizontal bars (long labels such as province names stay readable), with values written out. */
export function BarChart({ title, description, data, valueLabel, format }: CategoryChartProps) {
  const t = useMessages(uiMessages);
  const show = useValueFormat(format);
  const { top, ticks } = valueAxis(data.map((d) => d.value));
  const plotWidth = WIDTH - LABEL_WIDTH - 64;
  const height = TOP + data.length * ROW + AXIS;
  const x = (value: number) => LABEL_WIDTH + (Math.max(0, value) / top) * plotWidth;

  return (
    <ChartFigure
      title={title}
      description={description}
      width={WIDTH}
      height={height}
      table={{
        rowHeader: t.category,
        columns: [valueLabel ?? t.value],
        rows: data.map((d) => ({ label: d.label, cells: [show(d.value)] })),
      }}
    >
      <g className="chart-grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={height - AXIS} />
            <text x={x(tick)} y={height - 6} textAnchor="middle" className="chart-tick">
              {show(tick)}
            </text>
          </g>
        ))}
      </g>
      {data.map((d, index) => {
        const y = TOP + index * ROW + (ROW - BAR) / 2;
        return (
          <g key={d.label} className="chart-bar">
            <text
              x={LABEL_WIDTH - VALUE_GAP}
              y={y + BAR / 2}
              dominantBaseline="middle"
              textAnchor="end"
              className="chart-label"
            >
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={y}
              width={x(d.value) - LABEL_WIDTH}
              height={BAR}
              className="chart-series-0"
            />
            <text
              x={x(d.value) + VALUE_GAP}
              y={y + BAR / 2}
              dominantBaseline="middle"
              className="chart-value"
            >
              {show(d.value)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
