import { timeZoneOfProvince, type TimeZone } from '@kipp/contracts';

/**
 * The zone an account's mail is written in: its institution's province when the institution
 * is known here, else a reviewer's home province, else WIB (the capital's).
 */
export function timeZoneOfAccount(
  institution: { provinceCode: string | null } | null,
  homeProvinceCode: string | null | undefined,
): TimeZone {
  if (institution) return timeZoneOfProvince(institution.provinceCode);
  return timeZoneOfProvince(homeProvinceCode);
}
