import { foldText } from './search-text';

/** A name lookup as typed: folded words (case and diacritics ignored), in order. */
export interface NameQuery {
  readonly words: readonly string[];
}

/** How well a name matches; lower is better. */
export const NAME_MATCH = {
  /** The typed words, in order, start at a word of the name ("kota band" in "Pemerintah Kota Bandung"). */
  phrase: 0,
  /** Every typed word starts some word of the name, in any order. */
  wordPrefixes: 1,
  /** Every typed word occurs somewhere in the name. */
  contains: 2,
} as const;
export type NameMatchRank = (typeof NAME_MATCH)[keyof typeof NAME_MATCH];

function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

export function parseNameQuery(q: string): NameQuery {
  return { words: wordsOf(q) };
}

/** The rank of a name for a query, or null when some typed word is not in the name. */
export function matchName(query: NameQuery, name: string): NameMatchRank | null {
  if (query.words.length === 0) return null;
  const nameWords = wordsOf(name);
  const text = ` ${nameWords.join(' ')}`;
  if (!query.words.every((word) => text.includes(word))) return null;
  if (text.includes(` ${query.words.join(' ')}`)) return NAME_MATCH.phrase;
  if (query.words.every((word) => nameWords.some((w) => w.startsWith(word))))
    return NAME_MATCH.wordPrefixes;
  return NAME_MATCH.contains;
}
