import { normaliseTitle } from '@kipp/contracts';
import type { InnovationDocument, InnovationSearchFields } from '../innovation.schema';

/** Words too common to tell innovations apart, in Indonesian and English. */
const STOP_WORDS = new Set([
  // Indonesian
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'dalam',
  'ini',
  'itu',
  'atau',
  'oleh',
  'sebagai',
  'adalah',
  'juga',
  'secara',
  'bagi',
  'akan',
  'para',
  'serta',
  'tersebut',
  'melalui',
  'agar',
  'karena',
  'tidak',
  'dapat',
  'telah',
  'sudah',
  'kami',
  'kita',
  'mereka',
  // English
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'with',
  'by',
  'from',
  'at',
  'as',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'this',
  'that',
  'these',
  'those',
  'it',
  'its',
  'into',
  'our',
  'we',
  'they',
  'not',
  'can',
]);

/** Lower case without diacritics ("Kesehatan" = "kesehatan", "café" = "cafe"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Search tokens of a text: folded words and numbers, stop words dropped, in order. */
export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0 && !STOP_WORDS.has(token));
}

export interface ParsedQuery {
  /** Tokens that must appear whole. */
  readonly exact: string[];
  /** The last token, matched as a prefix (the user may still be typing); null if none. */
  readonly prefix: string | null;
}

export function parseQuery(q: string | undefined): ParsedQuery {
  const tokens = [...new Set(tokenize(q ?? ''))];
  if (tokens.length === 0) return { exact: [], prefix: null };
  // A trailing space means the last word is complete.
  const typing = q !== undefined && !/\s$/.test(q);
  if (!typing) return { exact: tokens, prefix: null };
  return { exact: tokens.slice(0, -1), prefix: tokens[tokens.length - 1] ?? null };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How well a record matches: every query token found in the title counts far more than one
 * found only in the sections, so title hits rank first.
 */
export function relevance(
  query: ParsedQuery,
  titleTokens: readonly string[],
  tokens: readonly string[],
): number {
  const title = new Set(titleTokens);
  const all = new Set(tokens);
  let score = 0;
  for (const token of query.exact) score += title.has(token) ? 10 : all.has(token) ? 1 : 0;
  if (query.prefix !== null) {
    const prefix = query.prefix;
    if (titleTokens.some((t) => t.startsWith(prefix))) score += 10;
    else if (tokens.some((t) => t.startsWith(prefix))) score += 1;
  }
  return score;
}

/** The search fields of an innovation, derived from its title, sections and awards. */
export function searchFieldsOf(
  innovation: Pick<InnovationDocument, 'title' | 'sections' | 'awards' | 'publishedAt'>,
): InnovationSearchFields {
  const titleTokens = [...new Set(tokenize(innovation.title))];
  const tokens = new Set(titleTokens);
  for (const section of innovation.sections) for (const t of tokenize(section.text)) tokens.add(t);
  const awardYears = [...new Set(innovation.awards.map((award) => award.year))].sort();
  const years = awardYears.length > 0 ? awardYears : [innovation.publishedAt.getUTCFullYear()];
  return {
    normalisedTitle: normaliseTitle(innovation.title),
    titleTokens,
    tokens: [...tokens],
    years,
    latestYear: Math.max(...years),
  };
}
