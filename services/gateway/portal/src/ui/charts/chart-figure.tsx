import { useId } from 'react';
import type { ReactNode } from 'react';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { uiMessages } from '../messages';

export interface ChartTable {
  /** Header of the first column (what each row is). */
  readonly rowHeader: string;
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly ReactNode[] }[];
}

/** One labelled value (a bar, a ring segment). */
export interface Datum {
  readonly label: string;
  readonly value: number;
}

/** What a chart of labelled values is given. */
export interface CategoryChartProps {
  readonly title: string;
  /** What the chart shows, in a sentence (the SVG's description). */
  readonly description: string;
  readonly data: readonly Datum[];
  /** Header of the value column in the data table. */
  readonly valueLabel?: string;
  readonly format?: (value: number) => string;
}

/** Number formatting shared by the charts: the caller's, else the locale's. */
export function useValueFormat(format?: (value: number) => string): (value: number) => string {
  const { locale } = useI18n();
  return format ?? ((value: number) => formatNumber(locale, value));
}

/**
 * The accessible frame of every chart: a figure whose SVG is an image named by its title and
 * description, and the same numbers as a table for screen readers (visually hidden).
 */
export function ChartFigure({
  title,
  description,
  width,
  height,
  table,
  legend,
  children,
}: {
  title: string;
  description: string;
  width: number;
  height: number;
  table: ChartTable;
  legend?: ReactNode;
  children: ReactNode;
}) {
  const t = useMessages(uiMessages);
  const base = useId();
  const titleId = `${base}-title`;
  const descId = `${base}-desc`;
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        className="chart-svg"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        {children}
      </svg>
      {legend}
      <table className="visually-hidden">
        <caption>
          {title} ({t.dataTable})
        </caption>
        <thead>
          <tr>
            <th scope="col">{table.rowHeader}</th>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, index) => (
                <td key={table.columns[index] ?? index}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** An axis from 0 to a round top above every value, with its tick values. */
export function valueAxis(
  values: readonly number[],
  tickCount = 4,
): { top: number; ticks: number[] } {
  const max = Math.max(0, ...values);
  const step = niceStep(max, tickCount);
  const top = Math.max(step, Math.ceil(max / step) * step);
  return { top, ticks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step) };
}

/** A rounded step for axis ticks: 1, 2 or 5 times a power of ten. */
export function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

/** The series colours are CSS classes (chart-series-N), so the palette lives in the stylesheet. */
export const SERIES_COLOURS = 6;
export function seriesClass(index: number): string {
  return `chart-series-${index % SERIES_COLOURS}`;
}
