import type { KeyboardEvent } from 'react';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { publicMessages } from './messages';
import { PROVINCES, shadeOf, shadeRanges } from './provinces';

const TILE = 44;
const GAP = 4;
const STEP = TILE + GAP;
const COLUMNS = Math.max(...PROVINCES.map((p) => p.column)) + 1;
const ROWS = Math.max(...PROVINCES.map((p) => p.row)) + 1;

/**
 * Indonesia's 38 provinces as equal tiles placed roughly where they lie, each shaded by its
 * value. Every tile is a button (Tab reaches it, Enter or Space picks it) named by the
 * province and its value; the caller shows the same numbers as a table.
 */
export function TileMap({
  title,
  values,
  selected,
  onSelect,
}: {
  title: string;
  values: ReadonlyMap<string, number>;
  selected: string | null;
  onSelect: (code: string) => void;
}) {
  const t = useMessages(publicMessages);
  const { locale } = useI18n();
  const max = Math.max(0, ...values.values());
  const show = (value: number) => formatNumber(locale, value);
  const keyDown = (code: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(code);
    }
  };
  return (
    <figure className="tile-map">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="tile-map-scroll">
        <svg
          className="tile-map-svg"
          viewBox={`0 0 ${COLUMNS * STEP} ${ROWS * STEP}`}
          preserveAspectRatio="xMinYMin meet"
          role="group"
          aria-label={title}
        >
          {PROVINCES.map((p) => {
            const value = values.get(p.code) ?? 0;
            const x = p.column * STEP;
            const y = p.row * STEP;
            return (
              <g
                key={p.code}
                role="button"
                tabIndex={0}
                aria-label={t.mapTile(p.name, show(value))}
                aria-pressed={selected === p.code}
                className={`map-tile map-shade-${shadeOf(value, max)}${selected === p.code ? ' map-tile-selected' : ''}`}
                onClick={() => onSelect(p.code)}
                onKeyDown={keyDown(p.code)}
              >
                <title>{t.mapTile(p.name, show(value))}</title>
                <rect x={x} y={y} width={TILE} height={TILE} rx={4} />
                <text x={x + TILE / 2} y={y + 17} textAnchor="middle" className="map-tile-code">
                  {p.short}
                </text>
                <text x={x + TILE / 2} y={y + 34} textAnchor="middle" className="map-tile-value">
                  {show(value)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <div className="map-legend">
        <p className="map-legend-title" id="map-legend">
          {t.legend}
        </p>
        <ul aria-labelledby="map-legend">
          {shadeRanges(max).map((range) => (
            <li key={range.shade}>
              <svg width="16" height="16" aria-hidden="true">
                <rect width="16" height="16" className={`map-shade-${range.shade}`} />
              </svg>
              {t.legendRange(show(range.from), show(range.to))}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}
