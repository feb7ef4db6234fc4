import type { CsvCell } from '@kipp/service-kit';
import { highestWinningTier } from './award-tiers';
import type { AwardRow } from './award-rows';

/** Decree annex columns, one row per award under its highest tier. */
export const DECREE_ANNEX_COLUMNS = [
  'tier',
  'rank',
  'title',
  'institution',
  'province_code',
  'category',
  'group',
] as const;

export function decreeAnnexRecord(row: AwardRow): CsvCell[] {
  return [
    row.tier,
    row.rank,
    row.title,
    row.institutionName,
    row.provinceCode,
    row.categoryName,
    row.groupName,
  ];
}

/** Regional governments: the only institutions the regional incentive fund (DID) pays. */
export const PEMDA_TYPES: readonly string[] = ['province', 'regency', 'city'];

/**
 * The columns the Finance Ministry's DID allocation reads: the region by its Kemendagri
 * institution code and province code, and the winning tier the incentive is graded by.
 */
export const DID_COLUMNS = [
  'edition_year',
  'institution_code',
  'institution_name',
  'institution_type',
  'province_code',
  'tier',
  'rank',
  'title',
  'proposal_id',
] as const;

/** Pemda winners only (a finalist alone earns no incentive), listed under their highest win. */
export function didRecords(rows: readonly AwardRow[], year: number): CsvCell[][] {
  return rows.flatMap((row) => {
    const tier = highestWinningTier(row.tiers);
    if (tier === null || row.institutionType === null) return [];
    if (!PEMDA_TYPES.includes(row.institutionType)) return [];
    return [
      [
        year,
        row.institutionCode,
        row.institutionName,
        row.institutionType,
        row.provinceCode,
        tier,
        row.rank,
        row.title,
        row.proposalId,
      ],
    ];
  });
}
