/** The 38 provinces of Indonesia by BPS code (since the 2022 Papua split). */
export const PROVINCE_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

const KNOWN = new Set<string>(PROVINCE_CODES);

/**
 * The province of a region code (a BPS province code, or a longer regency/city code that
 * starts with it); null for central institutions and codes of no known province.
 */
export function provinceOf(regionCode: string | null | undefined): ProvinceCode | null {
  const province = regionCode?.slice(0, 2);
  return province !== undefined && KNOWN.has(province) ? (province as ProvinceCode) : null;
}
