import type { EditionConfiguration, EditionPhase, TimeZone } from '@kipp/contracts';
import type { ApiClient } from '../../../api/client';

const BASE = '/api/registration/editions';

export type EditionStatus = 'draft' | 'published';

/** Everything an edition decides but its id: what the builder edits and sends. */
export type EditionSettings = Omit<EditionConfiguration, 'editionId'>;

export interface HistoryEntry {
  readonly at: string;
  readonly action: 'created' | 'updated' | 'published' | 'phase-changed';
  readonly changed?: readonly string[];
  readonly revision?: number;
  readonly clonedFrom?: string;
  readonly previousPhase?: EditionPhase | null;
  readonly phase?: EditionPhase;
  readonly reason?: string;
}

/** An edition as registration answers it. */
export interface Edition {
  readonly editionId: string;
  readonly status: EditionStatus;
  readonly revision: number;
  readonly currentPhase: EditionPhase | null;
  readonly phaseOverride: { readonly until: string | null; readonly reason: string } | null;
  readonly configuration: EditionConfiguration;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history?: readonly HistoryEntry[];
}

export interface ZonedCalendar {
  readonly editionId: string;
  readonly zone: TimeZone;
  readonly offset: string;
  readonly phases: readonly { phase: EditionPhase; startsAt: string; endsAt: string }[];
}

const editionPath = (editionId: string) => `${BASE}/${encodeURIComponent(editionId)}`;

export const editionApi = {
  list: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ editions: readonly Edition[] }>(BASE, signal ? { signal } : {}),
  get: (api: ApiClient, editionId: string, signal?: AbortSignal) =>
    api.get<Edition>(editionPath(editionId), signal ? { signal } : {}),
  calendar: (api: ApiClient, editionId: string, zone: TimeZone, signal?: AbortSignal) =>
    api.get<ZonedCalendar>(`${editionPath(editionId)}/calendar`, {
      query: { zone },
      ...(signal ? { signal } : {}),
    }),
  create: (api: ApiClient, settings: EditionSettings) => api.post<Edition>(BASE, settings),
  clone: (api: ApiClient, from: { cloneFrom: string; name: string; year: number }) =>
    api.post<Edition>(BASE, from),
  update: (
    api: ApiClient,
    editionId: string,
    settings: EditionSettings,
    expectedRevision?: number,
  ) =>
    api.put<Edition>(editionPath(editionId), {
      ...settings,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    }),
  publish: (api: ApiClient, editionId: string) =>
    api.post<Edition>(`${editionPath(editionId)}/publication`),
  changePhase: (api: ApiClient, editionId: string, phase: EditionPhase, reason: string) =>
    api.post<Edition>(`${editionPath(editionId)}/phase`, { phase, reason }),
};

/** The settings of an edition as the builder edits them (the configuration without its id). */
export function settingsOf(configuration: EditionConfiguration): EditionSettings {
  const { editionId: _id, ...settings } = configuration;
  return settings;
}
