import type { AwardRow } from './award-rows';
import { didRecords } from './exports';

function row(
  proposalId: string,
  institutionType: string | null,
  tiers: AwardRow['tiers'],
): AwardRow {
  return {
    proposalId,
    tiers,
    tier: tiers[tiers.length - 1] ?? 'finalist',
    rank: 1,
    title: proposalId,
    institutionId: `inst_${proposalId}`,
    institutionCode: `code_${proposalId}`,
    institutionName: `Institution ${proposalId}`,
    institutionType,
    provinceCode: '32',
    groupId: 'general',
    groupName: 'Umum',
    categoryId: 'health',
    categoryName: 'Kesehatan',
    snapshot: null,
  };
}

describe('didRecords', () => {
  it('should keep only regional governments with a winning tier when listing DID', () => {
    const records = didRecords(
      [
        row('city', 'city', ['finalist', 'top']),
        row('province', 'province', ['finalist', 'top', 'outstanding']),
        row('regency', 'regency', ['finalist', 'replication-top']),
        row('finalist', 'city', ['finalist']),
        row('ministry', 'ministry', ['finalist', 'top']),
        row('bumd', 'bumd', ['finalist', 'top']),
        row('unknown', null, ['finalist', 'top']),
      ],
      2027,
    );
    expect(records.map((record) => [record[8], record[5]])).toEqual([
      ['city', 'top'],
      ['province', 'outstanding'],
      ['regency', 'replication-top'],
    ]);
  });
});
