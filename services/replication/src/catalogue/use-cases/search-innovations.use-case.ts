import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import { z } from 'zod';
import { AWARD_TIERS, INNOVATION_STATUSES, INSTITUTION_TYPES } from '@kipp/contracts';
import { InnovationRepository } from '../innovation.repository';
import type { InnovationDocument } from '../innovation.schema';
import { toRow, type InnovationPage } from '../innovation.views';
import { SearchCache } from '../search/search-cache';
import { escapeRegExp, parseQuery, relevance, type ParsedQuery } from '../search/search-text';

const code = z.string().trim().min(1).max(64);

export const searchQuerySchema = z.strictObject({
  q: z
    .string()
    .max(200)
    .optional()
    .describe('words in Indonesian or English; the last may be a prefix'),
  year: z.coerce.number().int().min(2014).max(2100).optional(),
  tier: z.enum(AWARD_TIERS).optional(),
  province: z.string().trim().min(2).max(13).optional().describe('BPS code'),
  institution: code.optional().describe('institution id (a ministry, province, regency or city…)'),
  institutionType: z.enum(INSTITUTION_TYPES).optional(),
  category: code.optional(),
  sdg: z.string().trim().min(1).max(8).optional(),
  status: z.enum(INNOVATION_STATUSES).optional(),
  sort: z
    .enum(['relevance', 'year', 'title'])
    .optional()
    .describe('relevance by default with q, else year'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

export interface SearchAnswer {
  readonly page: InnovationPage;
  readonly cache: 'hit' | 'miss' | 'bypass';
}

/** Public search over the innovation database, answered from the Redis cache when it can. */
@Injectable()
export class SearchInnovationsUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    private readonly cache: SearchCache,
  ) {}

  async execute(query: SearchQuery): Promise<SearchAnswer> {
    const parsed = parseQuery(query.q);
    const normalised = { ...query, q: parsed, sort: sortOf(query, parsed) };
    const key = await this.cache.keyOf(normalised);
    if (key) {
      const cached = await this.cache.read<InnovationPage>(key);
      if (cached) return { page: cached, cache: 'hit' };
    }
    const page = await this.search(query, parsed, normalised.sort);
    if (key) await this.cache.write(key, page);
    return { page, cache: key ? 'miss' : 'bypass' };
  }

  private async search(
    query: SearchQuery,
    parsed: ParsedQuery,
    sort: 'relevance' | 'year' | 'title',
  ): Promise<InnovationPage> {
    const filter = filterOf(query, parsed);
    const skip = (query.page - 1) * query.pageSize;
    const paging = { page: query.page, pageSize: query.pageSize };
    if (sort !== 'relevance') {
      const total = await this.innovations.count(filter);
      const found = await this.innovations.page(filter, sort, skip, query.pageSize);
      return { items: found.map(toRow), total, ...paging };
    }
    // Relevance needs every match's tokens; the database holds thousands of innovations,
    // not millions, so ranking the matches here is cheap.
    const candidates = await this.innovations.rankingCandidates(filter);
    const ranked = candidates
      .map((c) => ({
        id: c._id,
        score: relevance(parsed, c.search?.titleTokens ?? [], c.search?.tokens ?? []),
        year: c.search?.latestYear ?? 0,
        title: c.search?.normalisedTitle ?? '',
      }))
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.year - a.year ||
          a.title.localeCompare(b.title) ||
          a.id.localeCompare(b.id),
      );
    const ids = ranked.slice(skip, skip + query.pageSize).map((r) => r.id);
    const byId = new Map((await this.innovations.byIds(ids)).map((i) => [i._id, i]));
    const items = ids.flatMap((id) => {
      const innovation = byId.get(id);
      return innovation ? [toRow(innovation)] : [];
    });
    return { items, total: ranked.length, ...paging };
  }
}

function sortOf(query: SearchQuery, parsed: ParsedQuery): 'relevance' | 'year' | 'title' {
  const hasText = parsed.exact.length > 0 || parsed.prefix !== null;
  if (query.sort === 'relevance' && !hasText) return 'year';
  return query.sort ?? (hasText ? 'relevance' : 'year');
}

export function filterOf(query: SearchQuery, parsed: ParsedQuery): QueryFilter<InnovationDocument> {
  const and: QueryFilter<InnovationDocument>[] = [];
  if (parsed.exact.length > 0) and.push({ 'search.tokens': { $all: parsed.exact } });
  if (parsed.prefix !== null)
    and.push({ 'search.tokens': { $regex: `^${escapeRegExp(parsed.prefix)}` } });
  if (query.year !== undefined && query.tier !== undefined)
    and.push({ awards: { $elemMatch: { year: query.year, tier: query.tier } } });
  else if (query.year !== undefined) and.push({ 'search.years': query.year });
  else if (query.tier !== undefined) and.push({ 'awards.tier': query.tier });
  if (query.province !== undefined) and.push({ provinceCode: query.province });
  if (query.institution !== undefined) and.push({ institutionId: query.institution });
  if (query.institutionType !== undefined) and.push({ institutionType: query.institutionType });
  if (query.category !== undefined) and.push({ categoryId: query.category });
  if (query.sdg !== undefined) and.push({ sdgTargets: query.sdg });
  if (query.status !== undefined) and.push({ status: query.status });
  return and.length === 0 ? {} : { $and: and };
}
