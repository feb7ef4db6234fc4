import { innovationIdFor, newInnovation, nextState, withEditionAwards } from './innovation-content';

const now = new Date('2026-08-01T00:00:00Z');
const base = newInnovation(
  {
    _id: innovationIdFor('prop_1'),
    title: 'Bank Sampah Digital',
    unitId: 'unit_1',
    categoryId: 'environment',
    sdgTargets: ['11.6'],
    sections: [],
    institutionId: 'inst_1',
    institutionName: 'Kota Contoh',
    institutionType: 'city',
    provinceCode: '32',
    proposalIds: ['prop_1'],
    awards: [{ editionId: 'ed_2025', year: 2025, groupId: 'general', tier: 'finalist' }],
    publishedAt: now,
  },
  now,
);

describe('innovation content', () => {
  it('should derive a stable id from the first proposal', () => {
    expect(innovationIdFor('prop_1')).toBe(innovationIdFor('prop_1'));
    expect(innovationIdFor('prop_1')).toMatch(/^inv_[0-9a-f]{16}$/);
    expect(innovationIdFor('prop_2')).not.toBe(innovationIdFor('prop_1'));
  });

  it("should replace one edition's tiers and keep the others", () => {
    const awards = withEditionAwards(
      [
        { editionId: 'ed_2026', year: 2026, groupId: 'general', tier: 'finalist' },
        { editionId: 'ed_2025', year: 2025, groupId: 'general', tier: 'finalist' },
      ],
      'ed_2025',
      [
        { editionId: 'ed_2025', year: 2025, groupId: 'general', tier: 'finalist' },
        { editionId: 'ed_2025', year: 2025, groupId: 'general', tier: 'top' },
      ],
    );
    expect(awards.map((a) => `${a.editionId}:${a.tier}`)).toEqual([
      'ed_2025:finalist',
      'ed_2025:top',
      'ed_2026:finalist',
    ]);
  });

  it('should report no change when the public state is the same', () => {
    expect(nextState(base, { awards: [...base.awards] }, now)).toBeNull();
  });

  it('should bump the revision and refresh the search fields on a change', () => {
    const later = new Date('2027-08-01T00:00:00Z');
    const next = nextState(
      base,
      {
        awards: [
          ...base.awards,
          { editionId: 'ed_2027', year: 2027, groupId: 'general', tier: 'top' },
        ],
      },
      later,
    );
    expect(next).toMatchObject({
      revision: 2,
      updatedAt: later,
      search: { latestYear: 2027, years: [2025, 2027] },
    });
  });
});
