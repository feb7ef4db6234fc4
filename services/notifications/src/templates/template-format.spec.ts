import { formatInstant, formatList, formatNumber, formatThreshold } from './template-format';

describe('formatInstant', () => {
  it.each([
    ['2027-03-31T16:59:59Z', 'id', 'WIB', '31 Maret 2027 pukul 23.59 WIB'],
    ['2027-03-31T16:59:59Z', 'id', 'WITA', '1 April 2027 pukul 00.59 WITA'],
    ['2027-03-31T16:59:59Z', 'id', 'WIT', '1 April 2027 pukul 01.59 WIT'],
    ['2027-03-31T16:59:59Z', 'en', 'WIB', '31 March 2027, 23:59 WIB'],
    ['2027-12-31T17:00:00.000Z', 'en', 'WIB', '1 January 2028, 00:00 WIB'],
    ['2027-08-17T10:00:00+07:00', 'id', 'WIT', '17 Agustus 2027 pukul 12.00 WIT'],
  ] as const)('should show %s in %s and %s as %j', (iso, locale, zone, shown) => {
    expect(formatInstant(iso, locale, zone)).toBe(shown);
  });

  it('should refuse what is not an instant', () => {
    expect(() => formatInstant('tomorrow', 'id', 'WIB')).toThrow(TypeError);
  });
});

describe('formatThreshold', () => {
  it.each([
    ['7d', 'id', '7 hari lagi'],
    ['7d', 'en', 'in 7 days'],
    ['1d', 'en', 'in 1 day'],
    ['3h', 'id', '3 jam lagi'],
    ['3h', 'en', 'in 3 hours'],
    ['30m', 'id', '30 menit lagi'],
    ['soon', 'en', 'soon'],
  ] as const)('should say %s in %s as %j', (threshold, locale, shown) => {
    expect(formatThreshold(threshold, locale)).toBe(shown);
  });
});

describe('formatNumber and formatList', () => {
  it('should follow the language', () => {
    expect(formatNumber(87.5, 'id')).toBe('87,5');
    expect(formatNumber(87.5, 'en')).toBe('87.5');
    expect(formatList(['a', 'b', 'c'], 'id')).toBe('a, b, dan c');
    expect(formatList(['a', 'b', 'c'], 'en')).toBe('a, b and c');
  });
});
