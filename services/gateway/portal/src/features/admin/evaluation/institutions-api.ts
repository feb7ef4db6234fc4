import type { ApiClient } from '../../../api/client';
import type { InstitutionFacts } from './chart-data';

const PAGE_SIZE = 100;

/** Every institution of the registry (all pages), by id. */
export async function allInstitutions(
  api: ApiClient,
  signal?: AbortSignal,
): Promise<Map<string, InstitutionFacts>> {
  const all = new Map<string, InstitutionFacts>();
  for (let page = 1; ; page += 1) {
    const answer = await api.get<{ items: readonly InstitutionFacts[]; total: number }>(
      '/api/registration/institutions',
      {
        query: { page, pageSize: PAGE_SIZE },
        ...(signal ? { signal } : {}),
      },
    );
    for (const item of answer.items) all.set(item.institutionId, item);
    if (answer.items.length === 0 || all.size >= answer.total) return all;
  }
}
