import { fireTimes, parseOffset } from './reminder-offsets';

describe('reminder offsets', () => {
  it('should read minutes, hours and days when given as in the configuration', () => {
    expect(parseOffset('30m')).toEqual({ label: '30m', ms: 30 * 60_000 });
    expect(parseOffset('3h')).toEqual({ label: '3h', ms: 3 * 3_600_000 });
    expect(parseOffset('1d')).toEqual({ label: '1d', ms: 86_400_000 });
  });

  it('should refuse anything else when parsing', () => {
    expect(() => parseOffset('2s')).toThrow('not a reminder offset');
    expect(() => parseOffset('d')).toThrow('not a reminder offset');
  });

  it('should leave out the times already past when scheduling', () => {
    const dueAt = new Date('2027-05-15T17:00:00.000Z');
    const now = new Date('2027-05-13T17:00:00.000Z');
    const times = fireTimes(dueAt, [parseOffset('3d'), parseOffset('1d'), parseOffset('2d')], now);
    expect(times.map(({ offset, fireAt }) => [offset.label, fireAt.toISOString()])).toEqual([
      ['1d', '2027-05-14T17:00:00.000Z'],
    ]);
  });
});
