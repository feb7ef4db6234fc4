import { useApiQuery, type ApiQuery } from '../../../api/use-api-query';
import { editionApi, type Edition } from '../editions/edition-api';

/** The edition a page works on (its name, categories, groups, rubric), by id. */
export function useEdition(editionId: string): ApiQuery<Edition> {
  return useApiQuery(`edition:${editionId}`, (api, signal) =>
    editionApi.get(api, editionId, signal),
  );
}
