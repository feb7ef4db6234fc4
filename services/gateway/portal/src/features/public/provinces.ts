import { PROVINCE_CODES, provinceOf, type ProvinceCode } from '@kipp/contracts';

/**
 * Each province's name (a proper noun, the same in both languages), a two-letter label
 * (ISO 3166-2:ID) for its tile, and the tile's place on a grid drawn roughly like the
 * archipelago: Sumatra at the west, Papua at the east.
 */
export interface ProvinceInfo {
  readonly code: ProvinceCode;
  readonly name: string;
  readonly short: string;
  readonly column: number;
  readonly row: number;
}

const TABLE: Record<ProvinceCode, Omit<ProvinceInfo, 'code'>> = {
  '11': { name: 'Aceh', short: 'AC', column: 0, row: 0 },
  '12': { name: 'Sumatera Utara', short: 'SU', column: 1, row: 1 },
  '13': { name: 'Sumatera Barat', short: 'SB', column: 1, row: 2 },
  '14': { name: 'Riau', short: 'RI', column: 2, row: 1 },
  '15': { name: 'Jambi', short: 'JA', column: 2, row: 2 },
  '16': { name: 'Sumatera Selatan', short: 'SS', column: 2, row: 3 },
  '17': { name: 'Bengkulu', short: 'BE', column: 1, row: 3 },
  '18': { name: 'Lampung', short: 'LA', column: 2, row: 4 },
  '19': { name: 'Kepulauan Bangka Belitung', short: 'BB', column: 3, row: 3 },
  '21': { name: 'Kepulauan Riau', short: 'KR', column: 3, row: 1 },
  '31': { name: 'DKI Jakarta', short: 'JK', column: 3, row: 5 },
  '32': { name: 'Jawa Barat', short: 'JB', column: 4, row: 5 },
  '33': { name: 'Jawa Tengah', short: 'JT', column: 5, row: 5 },
  '34': { name: 'DI Yogyakarta', short: 'YO', column: 5, row: 6 },
  '35': { name: 'Jawa Timur', short: 'JI', column: 6, row: 5 },
  '36': { name: 'Banten', short: 'BT', column: 2, row: 5 },
  '51': { name: 'Bali', short: 'BA', column: 7, row: 6 },
  '52': { name: 'Nusa Tenggara Barat', short: 'NB', column: 8, row: 6 },
  '53': { name: 'Nusa Tenggara Timur', short: 'NT', column: 9, row: 6 },
  '61': { name: 'Kalimantan Barat', short: 'KB', column: 4, row: 2 },
  '62': { name: 'Kalimantan Tengah', short: 'KT', column: 5, row: 2 },
  '63': { name: 'Kalimantan Selatan', short: 'KS', column: 6, row: 3 },
  '64': { name: 'Kalimantan Timur', short: 'KI', column: 6, row: 2 },
  '65': { name: 'Kalimantan Utara', short: 'KU', column: 6, row: 1 },
  '71': { name: 'Sulawesi Utara', short: 'SA', column: 10, row: 0 },
  '72': { name: 'Sulawesi Tengah', short: 'ST', column: 8, row: 2 },
  '73': { name: 'Sulawesi Selatan', short: 'SN', column: 7, row: 4 },
  '74': { name: 'Sulawesi Tenggara', short: 'SG', column: 8, row: 4 },
  '75': { name: 'Gorontalo', short: 'GO', column: 9, row: 1 },
  '76': { name: 'Sulawesi Barat', short: 'SR', column: 7, row: 3 },
  '81': { name: 'Maluku', short: 'MA', column: 11, row: 3 },
  '82': { name: 'Maluku Utara', short: 'MU', column: 11, row: 1 },
  '91': { name: 'Papua', short: 'PA', column: 15, row: 2 },
  '92': { name: 'Papua Barat', short: 'PB', column: 13, row: 2 },
  '93': { name: 'Papua Selatan', short: 'PS', column: 15, row: 4 },
  '94': { name: 'Papua Tengah', short: 'PT', column: 14, row: 3 },
  '95': { name: 'Papua Pegunungan', short: 'PE', column: 15, row: 3 },
  '96': { name: 'Papua Barat Daya', short: 'PD', column: 12, row: 2 },
};

/** Every province, in BPS code order. */
export const PROVINCES: readonly ProvinceInfo[] = PROVINCE_CODES.map((code) => ({
  code,
  ...TABLE[code],
}));

/** The province's name for a BPS code (a regency/city code names its province); null if none. */
export function provinceName(code: string | null | undefined): string | null {
  const province = provinceOf(code);
  return province === null ? null : TABLE[province].name;
}

/** Shading classes of the map: 0 for none, then 1–4 by the share of the largest value. */
export const SHADES = 5;

export function shadeOf(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(SHADES - 1, Math.max(1, Math.ceil((value / max) * (SHADES - 1))));
}

/** The value range each shade stands for (for the legend), given the largest value. */
export function shadeRanges(max: number): { shade: number; from: number; to: number }[] {
  if (max <= 0) return [{ shade: 0, from: 0, to: 0 }];
  const ranges = [{ shade: 0, from: 0, to: 0 }];
  for (let shade = 1; shade < SHADES; shade += 1) {
    const from = Math.floor(((shade - 1) / (SHADES - 1)) * max) + 1;
    const to = Math.floor((shade / (SHADES - 1)) * max);
    if (to >= from) ranges.push({ shade, from, to });
  }
  return ranges;
}
