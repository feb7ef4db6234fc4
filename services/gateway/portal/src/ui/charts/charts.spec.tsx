import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nProvider } from '../../i18n';
import { MemoryStorage } from '../../testing/http-test-server';
import { LOCALE_STORAGE_KEY } from '../../i18n/i18n';
import { BarChart } from './bar-chart';
import { niceStep, valueAxis } from './chart-figure';
import { DonutChart, segmentPath } from './donut-chart';
import { LineChart } from './line-chart';

function inLocale(locale: 'id' | 'en', node: ReactNode) {
  const storage = new MemoryStorage();
  storage.setItem(LOCALE_STORAGE_KEY, locale);
  return render(<I18nProvider storage={storage}>{node}</I18nProvider>);
}

/** The data table's rows as text, header row first. */
function tableRows(caption: RegExp): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
}

describe('BarChart', () => {
  const data = [
    { label: 'Jawa Barat', value: 1250 },
    { label: 'Papua', value: 40 },
    { label: 'Bali', value: 0 },
  ];

  it('should be an image named by its title and description', () => {
    inLocale(
      'id',
      <BarChart title="Proposal per provinsi" description="Jawa Barat terbanyak." data={data} />,
    );
    const image = screen.getByRole('img', { name: 'Proposal per provinsi Jawa Barat terbanyak.' });
    expect(image.tagName.toLowerCase()).toBe('svg');
  });

  it('should carry every value in its data table, formatted for the language', () => {
    inLocale('id', <BarChart title="Proposal" description="d" data={data} valueLabel="Jumlah" />);
    expect(tableRows(/Proposal/)).toEqual([
      ['Kategori', 'Jumlah'],
      ['Jawa Barat', '1.250'],
      ['Papua', '40'],
      ['Bali', '0'],
    ]);
  });

  it('should draw bars in proportion to their values', () => {
    const { container } = inLocale('en', <BarChart title="t" description="d" data={data} />);
    const widths = Array.from(container.querySelectorAll('rect.chart-series-0')).map((rect) =>
      Number(rect.getAttribute('width')),
    );
    expect(widths).toHaveLength(3);
    expect(widths[1]! / widths[0]!).toBeCloseTo(40 / 1250, 5);
    expect(widths[2]).toBe(0);
  });
});

describe('LineChart', () => {
  it('should give one column per series and a dash where a value is missing', () => {
    inLocale(
      'en',
      <LineChart
        title="Replications per year"
        description="Rising since 2021."
        xLabel="Year"
        xLabels={['2021', '2022', '2023']}
        series={[
          { name: 'Registered', values: [10, 25.5, 40] },
          { name: 'Counter-signed', values: [4, null, 30] },
        ]}
      />,
    );
    expect(
      screen.getByRole('img', { name: 'Replications per year Rising since 2021.' }),
    ).toBeTruthy();
    expect(tableRows(/Replications per year/)).toEqual([
      ['Year', 'Registered', 'Counter-signed'],
      ['2021', '10', '4'],
      ['2022', '25.5', '–'],
      ['2023', '40', '30'],
    ]);
  });
});

describe('DonutChart', () => {
  it('should give each share of the whole in its table and legend', () => {
    inLocale(
      'en',
      <DonutChart
        title="Innovations by status"
        description="Most are still running."
        data={[
          { label: 'Active', value: 1916 },
          { label: 'Stopped', value: 429 },
          { label: 'Unknown', value: 583 },
        ]}
      />,
    );
    expect(tableRows(/Innovations by status/)).toEqual([
      ['Category', 'Value', 'Share'],
      ['Active', '1,916', '65.4%'],
      ['Stopped', '429', '14.7%'],
      ['Unknown', '583', '19.9%'],
    ]);
    expect(screen.getByText('2,928')).toBeTruthy();
  });

  it('should draw nothing but an empty ring when every value is zero', () => {
    const { container } = inLocale(
      'id',
      <DonutChart title="Kosong" description="Belum ada data." data={[{ label: 'A', value: 0 }]} />,
    );
    expect(container.querySelectorAll('path')).toHaveLength(0);
    expect(container.querySelector('circle.chart-empty-ring')).not.toBeNull();
    expect(tableRows(/Kosong/)[1]).toEqual(['A', '0', '0%']);
  });

  it('should take the long way round for a segment over half the ring', () => {
    expect(segmentPath(0, Math.PI / 2)).toContain(' 0 0 1 ');
    expect(segmentPath(0, (3 * Math.PI) / 2)).toContain(' 0 1 1 ');
  });
});

describe('value axis', () => {
  it('should step in 1, 2 or 5 times a power of ten and end above the largest value', () => {
    expect(niceStep(1250, 4)).toBe(500);
    expect(niceStep(40, 4)).toBe(10);
    expect(niceStep(7, 4)).toBe(2);
    expect(valueAxis([1250, 40])).toEqual({ top: 1500, ticks: [0, 500, 1000, 1500] });
    expect(valueAxis([])).toEqual({ top: 1, ticks: [0, 1] });
  });
});
