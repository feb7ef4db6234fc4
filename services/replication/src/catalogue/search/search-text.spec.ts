import { parseQuery, relevance, searchFieldsOf, tokenize } from './search-text';

describe('tokenize', () => {
  it('should fold case and diacritics and drop stop words in both languages', () => {
    expect(tokenize('Layanan Kesehatan untuk Café di Desa and the Village')).toEqual([
      'layanan',
      'kesehatan',
      'cafe',
      'desa',
      'village',
    ]);
  });

  it('should split on punctuation and keep numbers', () => {
    expect(tokenize('e-KTP: 24/7 (SIPANDU)')).toEqual(['e', 'ktp', '24', '7', 'sipandu']);
  });
});

describe('parseQuery', () => {
  it('should treat the last word as a prefix while typing', () => {
    expect(parseQuery('posyandu digi')).toEqual({ exact: ['posyandu'], prefix: 'digi' });
  });

  it('should treat every word as whole after a trailing space', () => {
    expect(parseQuery('posyandu digital ')).toEqual({
      exact: ['posyandu', 'digital'],
      prefix: null,
    });
  });

  it('should yield nothing for stop words only', () => {
    expect(parseQuery('yang dan the')).toEqual({ exact: [], prefix: null });
  });
});

describe('relevance', () => {
  it('should rank a title match above a section-only match', () => {
    const query = parseQuery('sampah ');
    const inTitle = relevance(query, ['bank', 'sampah'], ['bank', 'sampah']);
    const inSections = relevance(query, ['posyandu'], ['posyandu', 'sampah']);
    expect(inTitle).toBeGreaterThan(inSections);
    expect(inSections).toBeGreaterThan(0);
  });

  it('should match the prefix against whole tokens', () => {
    expect(relevance(parseQuery('digi'), ['digital'], ['digital'])).toBe(10);
    expect(relevance(parseQuery('digi'), ['layanan'], ['layanan'])).toBe(0);
  });
});

describe('searchFieldsOf', () => {
  it('should take award years, and the publication year without awards', () => {
    const base = {
      title: 'Bank Sampah Digital',
      sections: [{ sectionId: 'summary', text: 'Pengelolaan sampah rumah tangga' }],
      publishedAt: new Date('2026-05-01T00:00:00Z'),
    };
    const awarded = searchFieldsOf({
      ...base,
      awards: [
        { editionId: 'ed_2025', year: 2025, groupId: 'general', tier: 'top' },
        { editionId: 'ed_2023', year: 2023, groupId: 'general', tier: 'finalist' },
      ],
    });
    expect(awarded).toEqual({
      normalisedTitle: 'bank sampah digital',
      titleTokens: ['bank', 'sampah', 'digital'],
      tokens: ['bank', 'sampah', 'digital', 'pengelolaan', 'rumah', 'tangga'],
      years: [2023, 2025],
      latestYear: 2025,
    });
    expect(searchFieldsOf({ ...base, awards: [] }).years).toEqual([2026]);
  });
});
