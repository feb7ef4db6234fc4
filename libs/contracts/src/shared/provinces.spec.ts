import { PROVINCE_CODES, provinceOf, timeZoneOfProvince } from './provinces';

describe('provinceOf', () => {
  it('should take the province of a regency code and reject unknown codes', () => {
    expect(PROVINCE_CODES).toHaveLength(38);
    expect(provinceOf('3273')).toBe('32');
    expect(provinceOf('99')).toBeNull();
    expect(provinceOf(null)).toBeNull();
  });
});

describe('timeZoneOfProvince', () => {
  it.each([
    ['32', 'WIB'], // Jawa Barat
    ['61', 'WIB'], // Kalimantan Barat
    ['51', 'WITA'], // Bali
    ['73', 'WITA'], // Sulawesi Selatan
    ['64', 'WITA'], // Kalimantan Timur
    ['81', 'WIT'], // Maluku
    ['91', 'WIT'], // Papua
    ['96', 'WIT'], // Papua Barat Daya
    ['73.71', 'WITA'], // Kota Makassar's region code
  ])('should put province %s in %s', (code, zone) => {
    expect(timeZoneOfProvince(code)).toBe(zone);
  });

  it('should keep WIB for central institutions and unknown codes', () => {
    expect(timeZoneOfProvince(null)).toBe('WIB');
    expect(timeZoneOfProvince('99')).toBe('WIB');
  });
});
