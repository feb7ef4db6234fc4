import type { TimeZone } from './time-zones';

/** The 38 provinces of Indonesia by BPS code (since the 2022 Papua split) and the zone each keeps. */
const PROVINCE_TIME_ZONES = {
  '11': 'WIB', // Aceh
  '12': 'WIB', // Sumatera Utara
  '13': 'WIB', // Sumatera Barat
  '14': 'WIB', // Riau
  '15': 'WIB', // Jambi
  '16': 'WIB', // Sumatera Selatan
  '17': 'WIB', // Bengkulu
  '18': 'WIB', // Lampung
  '19': 'WIB', // Kepulauan Bangka Belitung
  '21': 'WIB', // Kepulauan Riau
  '31': 'WIB', // Daerah Khusus Ibukota Jakarta
  '32': 'WIB', // Jawa Barat
  '33': 'WIB', // Jawa Tengah
  '34': 'WIB', // Daerah Istimewa Yogyakarta
  '35': 'WIB', // Jawa Timur
  '36': 'WIB', // Banten
  '51': 'WITA', // Bali
  '52': 'WITA', // Nusa Tenggara Barat
  '53': 'WITA', // Nusa Tenggara Timur
  '61': 'WIB', // Kalimantan Barat
  '62': 'WIB', // Kalimantan Tengah
  '63': 'WITA', // Kalimantan Selatan
  '64': 'WITA', // Kalimantan Timur
  '65': 'WITA', // Kalimantan Utara
  '71': 'WITA', // Sulawesi Utara
  '72': 'WITA', // Sulawesi Tengah
  '73': 'WITA', // Sulawesi Selatan
  '74': 'WITA', // Sulawesi Tenggara
  '75': 'WITA', // Gorontalo
  '76': 'WITA', // Sulawesi Barat
  '81': 'WIT', // Maluku
  '82': 'WIT', // Maluku Utara
  '91': 'WIT', // Papua
  '92': 'WIT', // Papua Barat
  '93': 'WIT', // Papua Selatan
  '94': 'WIT', // Papua Tengah
  '95': 'WIT', // Papua Pegunungan
  '96': 'WIT', // Papua Barat Daya
} as const satisfies Record<string, TimeZone>;

export type ProvinceCode = keyof typeof PROVINCE_TIME_ZONES;
export const PROVINCE_CODES = Object.keys(PROVINCE_TIME_ZONES) as [ProvinceCode, ...ProvinceCode[]];

/**
 * The province of a region code (a BPS province code, or a longer regency/city code that
 * starts with it); null for central institutions and codes of no known province.
 */
export function provinceOf(regionCode: string | null | undefined): ProvinceCode | null {
  const province = regionCode?.slice(0, 2);
  return province !== undefined && Object.hasOwn(PROVINCE_TIME_ZONES, province)
    ? (province as ProvinceCode)
    : null;
}

/**
 * The time zone of a province (BPS code, or a longer region code that starts with it).
 * Central institutions (no province) and unknown codes keep WIB, the capital's.
 */
export function timeZoneOfProvince(regionCode: string | null | undefined): TimeZone {
  const province = provinceOf(regionCode);
  return province === null ? 'WIB' : PROVINCE_TIME_ZONES[province];
}
