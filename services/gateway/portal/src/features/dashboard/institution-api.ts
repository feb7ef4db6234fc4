import type { ApiClient } from '../../api/client';

/** The part of a registry institution the dashboard and profile show. */
export interface InstitutionSummary {
  readonly institutionId: string;
  readonly name: string;
  readonly type: string;
}

export const institutionApi = {
  get: (api: ApiClient, institutionId: string, signal?: AbortSignal) =>
    api.get<InstitutionSummary>(
      `/api/registration/institutions/${encodeURIComponent(institutionId)}`,
      signal ? { signal } : {},
    ),
};
