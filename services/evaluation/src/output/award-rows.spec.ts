import { editionConfigurationExample } from '@kipp/contracts';
import type { Award } from '../award/award.schema';
import type { InstitutionProjection } from '../institution/institution.schema';
import { buildAwardRows } from './award-rows';

function award(id: string, tiers: Award['tiers'], rank: number, groupId = 'general'): Award {
  return {
    _id: id,
    institutionId: 'inst_a',
    tiers,
    rank,
    groupId,
    categoryId: 'health',
    title: id,
  } as Award;
}

describe('buildAwardRows', () => {
  it('should order by tier, group, rank and id when awards come in any order', () => {
    const rows = buildAwardRows(editionConfigurationExample, {
      awards: [
        award('b', ['finalist'], 2),
        award('a', ['finalist'], 2),
        award('r', ['finalist', 'replication-top'], 1, 'replication'),
        award('t', ['finalist', 'top'], 3),
        award('o', ['finalist', 'top', 'outstanding'], 1),
        award('none', [], 1),
      ],
      institutions: new Map(),
      proposals: new Map(),
    });
    expect(rows.map((row) => `${row.tier}:${row.proposalId}`)).toEqual([
      'outstanding:o',
      'top:t',
      'replication-top:r',
      'finalist:a',
      'finalist:b',
    ]);
  });

  it('should prefer the registry and fall back to the forwarded institution when one is missing', () => {
    const registry = {
      _id: 'inst_a',
      code: '3273',
      name: 'Kota Bandung',
      type: 'city',
      provinceCode: '32',
    };
    const [fromRegistry] = buildAwardRows(editionConfigurationExample, {
      awards: [award('a', ['top'], 1)],
      institutions: new Map([['inst_a', registry as InstitutionProjection]]),
      proposals: new Map(),
    });
    expect(fromRegistry).toMatchObject({
      institutionCode: '3273',
      institutionName: 'Kota Bandung',
      categoryName: 'Kesehatan',
    });
    const [forwarded] = buildAwardRows(editionConfigurationExample, {
      awards: [award('a', ['top'], 1)],
      institutions: new Map(),
      proposals: new Map([
        [
          'a',
          {
            snapshot: null as never,
            institution: {
              name: 'Kab. X',
              type: 'regency',
              provinceCode: '11',
              disadvantaged: true,
            },
          },
        ],
      ]),
    });
    expect(forwarded).toMatchObject({
      institutionCode: '',
      institutionName: 'Kab. X',
      institutionType: 'regency',
    });
  });
});
