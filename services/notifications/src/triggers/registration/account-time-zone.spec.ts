import { timeZoneOfAccount } from './account-time-zone';

describe('timeZoneOfAccount', () => {
  it("should take the institution's province when the institution is known", () => {
    expect(timeZoneOfAccount({ provinceCode: '73' }, '91')).toBe('WITA');
  });

  it('should keep WIB for a known central institution even if a home province is given', () => {
    expect(timeZoneOfAccount({ provinceCode: null }, '91')).toBe('WIB');
  });

  it("should fall back to the reviewer's home province when there is no institution", () => {
    expect(timeZoneOfAccount(null, '91')).toBe('WIT');
  });

  it('should default to WIB when nothing is known', () => {
    expect(timeZoneOfAccount(null, null)).toBe('WIB');
    expect(timeZoneOfAccount(null, undefined)).toBe('WIB');
  });
});
