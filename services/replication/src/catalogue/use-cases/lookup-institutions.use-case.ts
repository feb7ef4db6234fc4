import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { INSTITUTION_TYPES } from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import { InnovationRepository } from '../innovation.repository';
import { matchName, parseNameQuery } from '../search/institution-name-match';
import { SearchCache } from '../search/search-cache';

export const MAX_INSTITUTION_MATCHES = 20;

export const lookupInstitutionsQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('part of the name; every word must occur in it, case and diacritics ignored'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_INSTITUTION_MATCHES)
    .default(MAX_INSTITUTION_MATCHES),
});
export type LookupInstitutionsQuery = z.infer<typeof lookupInstitutionsQuerySchema>;

export interface InstitutionMatch {
  institutionId: string;
  name: string;
  type: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  /** Its innovations in the public database (at least one). */
  innovations: number;
}

export interface InstitutionMatches {
  items: InstitutionMatch[];
  /** Every match, of which `items` are the best `limit`. */
  total: number;
}

export interface InstitutionLookupAnswer {
  readonly matches: InstitutionMatches;
  readonly cache: 'hit' | 'miss' | 'bypass';
}

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/**
 * Institutions of the public database by name, for the database's institution filter:
 * only those with at least one innovation, named as the registry names them. The answer
 * depends on the innovations alone (names reach innovations with every registry change),
 * so it is cached with the search answers and goes stale with them.
 */
@Injectable()
export class LookupInstitutionsUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    private readonly directory: Directory,
    private readonly cache: SearchCache,
  ) {}

  async execute(query: LookupInstitutionsQuery): Promise<InstitutionLookupAnswer> {
    const parsed = parseNameQuery(query.q);
    if (parsed.words.length === 0) return { matches: { items: [], total: 0 }, cache: 'bypass' };
    const key = await this.cache.keyOf({ lookup: 'institutions', ...parsed, limit: query.limit });
    if (key) {
      const cached = await this.cache.read<InstitutionMatches>(key);
      if (cached) return { matches: cached, cache: 'hit' };
    }
    const counts = await this.innovations.countByInstitution();
    const entries = await this.directory.institutionsById([...counts.keys()]);
    const ranked = [...entries.values()]
      .flatMap((entry) => {
        const rank = matchName(parsed, entry.name);
        return rank === null ? [] : [{ entry, rank }];
      })
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          collator.compare(a.entry.name, b.entry.name) ||
          a.entry._id.localeCompare(b.entry._id),
      );
    const matches: InstitutionMatches = {
      items: ranked.slice(0, query.limit).map(({ entry }) => ({
        institutionId: entry._id,
        name: entry.name,
        type: entry.type,
        provinceCode: entry.provinceCode,
        innovations: counts.get(entry._id) ?? 0,
      })),
      total: ranked.length,
    };
    if (key) await this.cache.write(key, matches);
    return { matches, cache: key ? 'miss' : 'bypass' };
  }
}
