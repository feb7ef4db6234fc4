import { matchName, NAME_MATCH, parseNameQuery } from './institution-name-match';

const rank = (q: string, name: string) => matchName(parseNameQuery(q), name);

describe('institution name match', () => {
  it('should rank typed words that start a word of the name, in order, first', () => {
    expect(rank('kota band', 'Pemerintah Kota Bandung')).toBe(NAME_MATCH.phrase);
    expect(rank('Pemerintah', 'Pemerintah Kota Bandung')).toBe(NAME_MATCH.phrase);
  });

  it('should rank words that each start a word, in another order, second', () => {
    expect(rank('bandung kota', 'Pemerintah Kota Bandung')).toBe(NAME_MATCH.wordPrefixes);
    expect(rank('pem band', 'Pemerintah Kota Bandung')).toBe(NAME_MATCH.wordPrefixes);
  });

  it('should still find a word inside another, last', () => {
    expect(rank('dung', 'Pemerintah Kota Bandung')).toBe(NAME_MATCH.contains);
  });

  it('should ignore case, diacritics and punctuation when matching', () => {
    expect(rank('KAB. SLEMAN', 'Pemerintah Kabupaten Sleman')).toBe(NAME_MATCH.wordPrefixes);
    expect(rank('kabupaten  sleman', 'Pemerintah Kabupaten Sleman')).toBe(NAME_MATCH.phrase);
    expect(rank('cafe', 'Dinas Café Kota')).toBe(NAME_MATCH.phrase);
  });

  it('should not match when a typed word is missing or nothing was typed', () => {
    expect(rank('kota sleman', 'Pemerintah Kabupaten Sleman')).toBeNull();
    expect(rank(' ., ', 'Pemerintah Kabupaten Sleman')).toBeNull();
  });
});
