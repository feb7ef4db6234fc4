import { assessUnpsa, countWords, wholeYearsBetween } from './unpsa-rule';

const words = (n: number) => Array.from({ length: n }, (_, i) => `kata${i}`).join(' ');
const reference = new Date('2027-07-20T00:00:00.000Z');

describe('assessUnpsa', () => {
  it('should qualify a winner when it ran two years and documents its impact', () => {
    const result = assessUnpsa(
      ['finalist', 'top'],
      {
        innovationStartDate: '2025-07-20',
        sections: [{ sectionId: 'significance', text: words(100), wordCount: 100 }],
      },
      reference,
    );
    expect(result).toMatchObject({
      qualifies: true,
      winningTier: 'top',
      yearsRunning: 2,
      impactSections: [{ sectionId: 'significance', words: 100 }],
    });
    expect(result.reasons).toHaveLength(3);
  });

  it('should not qualify when the innovation is a day short of two years', () => {
    const result = assessUnpsa(
      ['top'],
      {
        innovationStartDate: '2025-07-21',
        sections: [{ sectionId: 'impact', text: words(150), wordCount: 150 }],
      },
      reference,
    );
    expect(result.qualifies).toBe(false);
    expect(result.yearsRunning).toBe(1);
  });

  it('should not qualify a finalist when everything else holds', () => {
    const result = assessUnpsa(
      ['finalist'],
      {
        innovationStartDate: '2020-01-01',
        sections: [{ sectionId: 'sustainability', text: words(300), wordCount: 300 }],
      },
      reference,
    );
    expect(result.qualifies).toBe(false);
    expect(result.reasons[0]).toBe('not a winner (finalist only)');
  });

  it('should count the words of the text when the impact section is too short or not impact-type', () => {
    const result = assessUnpsa(
      ['outstanding'],
      {
        innovationStartDate: '2020-01-01',
        sections: [
          // The declared count is the submitter's; the text decides.
          { sectionId: 'effectiveness', text: words(99), wordCount: 500 },
          { sectionId: 'summary', text: words(400), wordCount: 400 },
        ],
      },
      reference,
    );
    expect(result.qualifies).toBe(false);
    expect(result.impactSections).toEqual([]);
  });

  it('should not qualify when the snapshot is missing', () => {
    expect(assessUnpsa(['top'], null, reference).qualifies).toBe(false);
  });
});

describe('countWords and wholeYearsBetween', () => {
  it('should count whitespace-separated words when text has odd spacing', () => {
    expect(countWords('  satu\n dua\ttiga ')).toBe(3);
    expect(countWords('   ')).toBe(0);
  });

  it('should count full years only when the anniversary has passed', () => {
    expect(wholeYearsBetween(new Date('2024-02-29'), new Date('2026-02-28'))).toBe(1);
    expect(wholeYearsBetween(new Date('2024-02-29'), new Date('2026-03-01'))).toBe(2);
    expect(wholeYearsBetween(new Date('2028-01-01'), new Date('2027-01-01'))).toBe(0);
  });
});
