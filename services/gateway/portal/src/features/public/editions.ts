import { scheduledPhaseAt, type EditionPhase } from '@kipp/contracts';
import type { ApiClient } from '../../api/client';
import { useApiQuery, type ApiQuery } from '../../api/use-api-query';
import { publicApi, type InnovationRow, type RegisteredEdition } from './public-api';

/** An edition the public can see: one with results in the innovation database. */
export interface KnownEdition {
  readonly editionId: string;
  readonly year: number;
  /** Innovations of the database that were finalists of the edition. */
  readonly finalists: number;
}

/**
 * The edition of a year, read from a finalist of that year: every award of an edition
 * lists the finalist tier, so the item's award of that year names the edition.
 */
export function editionOfYear(
  year: number,
  page: { items: readonly InnovationRow[]; total: number },
): KnownEdition | null {
  const award = page.items[0]?.awards.find((a) => a.year === year && a.tier === 'finalist');
  return award && page.total > 0
    ? { editionId: award.editionId, year, finalists: page.total }
    : null;
}

/**
 * The editions with published results, newest first. Registration lists editions only to
 * signed-in people, so the public index asks the innovation database, one small query per
 * year of the national series (answers are cached by replication).
 */
export async function loadKnownEditions(
  api: ApiClient,
  years: readonly number[],
  signal?: AbortSignal,
): Promise<KnownEdition[]> {
  const found = await Promise.all(
    years.map(async (year) =>
      editionOfYear(
        year,
        await publicApi.innovations(api, { year, tier: 'finalist', pageSize: 1 }, signal),
      ),
    ),
  );
  return found.filter((e): e is KnownEdition => e !== null).sort((a, b) => b.year - a.year);
}

/** The published editions: their names, rules and calendars, for every visitor. */
export function usePublicEditions(): ApiQuery<{ editions: RegisteredEdition[] }> {
  return useApiQuery('public-editions', (api, signal) => publicApi.editions(api, signal));
}

/** The year range of the national series as a list. */
export function yearsBetween(from: number, to: number): number[] {
  return from > to ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The edition people care about now: the newest published one that has a phase. */
export function currentEdition(
  editions: readonly RegisteredEdition[],
  now: Date,
): { edition: RegisteredEdition; phase: EditionPhase | null } | null {
  const sorted = [...editions].sort((a, b) => b.configuration.year - a.configuration.year);
  const edition = sorted[0];
  if (!edition) return null;
  return {
    edition,
    phase: edition.currentPhase ?? scheduledPhaseAt(edition.configuration.calendar, now),
  };
}

/** The category's name in the language, else its id. */
export function categoryName(
  edition: RegisteredEdition | undefined,
  categoryId: string,
  locale: 'id' | 'en',
): string {
  return (
    edition?.configuration.categories.find((c) => c.categoryId === categoryId)?.name[locale] ??
    categoryId
  );
}
