import {
  countBy,
  finalistComposition,
  histogram,
  scoreBins,
  scoreDistribution,
  withTies,
} from './chart-data';
import type { DeskResult, StageEntry } from './evaluation-api';

const entry = (
  proposalId: string,
  rank: number,
  score: number | null,
  extra: Partial<StageEntry> = {},
): StageEntry => ({
  proposalId,
  institutionId: 'inst_1',
  groupId: 'general',
  categoryId: 'health',
  rank,
  score,
  advanced: true,
  ...extra,
});

describe('score distributions', () => {
  it('should cut the scale into equal bins, the last one closed', () => {
    const bins = scoreBins({ min: 0, max: 100 }, 4);
    expect(bins.map((b) => b.label)).toEqual(['0–25', '25–50', '50–75', '75–100']);
    expect(histogram([0, 24.9, 25, 99, 100, 130, -5, Number.NaN], bins)).toEqual([3, 1, 0, 3]);
  });

  it('should count raw and normalised means separately, leaving out the missing ones', () => {
    const result = (rawMean: number | null, normalizedMean: number | null): DeskResult => ({
      proposalId: 'p',
      scoreCount: 3,
      rawMean,
      normalizedMean,
      spread: 0,
      divergent: false,
      extraEvaluatorRequested: false,
    });
    const bins = scoreBins({ min: 1, max: 5 }, 2);
    expect(
      scoreDistribution([result(1.5, 3.5), result(4, null), result(null, null)], bins),
    ).toEqual({
      raw: [1, 1],
      normalized: [0, 1],
    });
  });
});

describe('withTies', () => {
  it('should mark entries that share a score, in rank order, whatever order they came in', () => {
    const rows = withTies([
      entry('c', 3, 80),
      entry('a', 1, 90),
      entry('b', 2, 90.0000001),
      entry('d', 4, 70),
      entry('e', 5, null),
    ]);
    expect(rows.map((r) => [r.proposalId, r.tiedWith])).toEqual([
      ['a', 2],
      ['b', 2],
      ['c', 1],
      ['d', 1],
      ['e', 1],
    ]);
  });
});

describe('finalist composition', () => {
  it('should count only finalists, by province name, type, group and category', () => {
    const institutions = new Map([
      [
        'inst_32',
        { institutionId: 'inst_32', name: 'Jawa Barat', type: 'province', provinceCode: '32' },
      ],
      [
        'inst_3273',
        { institutionId: 'inst_3273', name: 'Kota Bandung', type: 'city', provinceCode: '32' },
      ],
      [
        'inst_94',
        { institutionId: 'inst_94', name: 'Papua', type: 'province', provinceCode: '94' },
      ],
      [
        'kemenkes',
        {
          institutionId: 'kemenkes',
          name: 'Kementerian Kesehatan',
          type: 'ministry',
          provinceCode: null,
        },
      ],
    ]);
    const composition = finalistComposition(
      [
        entry('p1', 1, 90, { institutionId: 'inst_3273' }),
        entry('p2', 2, 89, { institutionId: 'inst_32', groupId: 'replication' }),
        entry('p3', 3, 88, { institutionId: 'inst_94', categoryId: 'governance' }),
        entry('p4', 4, 87, { institutionId: 'kemenkes' }),
        entry('p5', 5, 86, { institutionId: 'gone' }),
        entry('p6', 6, 85, { institutionId: 'inst_94', advanced: false }),
      ],
      institutions,
      {
        unknown: 'Tidak diketahui',
        type: (type) => type.toUpperCase(),
        group: (id) => `G:${id}`,
        category: (id) => `C:${id}`,
      },
    );
    expect(composition.byProvince).toEqual(
      [
        { label: 'Tidak diketahui', value: 2 },
        { label: 'Jawa Barat', value: 2 },
        { label: 'Papua', value: 1 },
      ].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    );
    expect(composition.byType).toEqual([
      { label: 'PROVINCE', value: 2 },
      { label: 'CITY', value: 1 },
      { label: 'MINISTRY', value: 1 },
      { label: 'Tidak diketahui', value: 1 },
    ]);
    expect(composition.byGroup).toEqual([
      { label: 'G:general', value: 4 },
      { label: 'G:replication', value: 1 },
    ]);
    expect(composition.byCategory).toEqual([
      { label: 'C:health', value: 4 },
      { label: 'C:governance', value: 1 },
    ]);
  });

  it('should order counts largest first, then by label', () => {
    expect(countBy(['b', 'a', 'b', 'c', 'a'], (x) => x)).toEqual([
      { label: 'a', value: 2 },
      { label: 'b', value: 2 },
      { label: 'c', value: 1 },
    ]);
  });
});
