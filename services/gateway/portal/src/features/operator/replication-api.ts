import type { ApiClient } from '../../api/client';

const BASE = '/api/replication';
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export const REPLICATION_STATUSES = [
  'plan',
  'in-progress',
  'implemented',
  'sustained',
  'stopped',
] as const;
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number];
export type Confirmation = 'pending' | 'confirmed' | 'disputed';
export const EVIDENCE_KINDS = ['mou', 'decree', 'budget', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface ReplicationLink {
  readonly replicationId: string;
  readonly innovationId: string;
  readonly innovationTitle: string;
  readonly originInstitutionId: string;
  readonly adopterInstitutionId: string;
  readonly adopterProvinceCode: string | null;
  readonly title: string;
  readonly status: ReplicationStatus;
  readonly source: 'registered' | 'proposal';
  readonly recordedAt: string;
  readonly updatedAt: string;
  readonly revision: number;
  readonly confirmation: Confirmation;
  readonly disputeReason: string | null;
  readonly proposalId: string | null;
  readonly visitId: string | null;
  readonly evidence: readonly {
    readonly fileId: string;
    readonly kind: EvidenceKind;
    readonly filename: string;
    readonly contentType: string;
    readonly sizeBytes: number;
    readonly sha256: string;
    readonly href: string;
  }[];
  readonly history: readonly {
    readonly revision: number;
    readonly action: 'recorded' | 'countersigned' | 'disputed' | 'status-changed' | 'withdrawn';
    readonly at: string;
    readonly status: ReplicationStatus;
    readonly confirmation: Confirmation;
    readonly note: string | null;
  }[];
}

export interface InnovationRow {
  readonly innovationId: string;
  readonly title: string;
  readonly year: number;
  readonly institutionId: string;
  readonly institutionName: string;
  readonly status: string;
}

export interface Visit {
  readonly visitId: string;
  readonly innovationId: string;
  readonly originInstitutionId: string;
  readonly visitorInstitutionId: string;
  readonly visitorInstitutionName: string | null;
  readonly visitedOn: string;
  readonly purpose: string;
  readonly confirmed: boolean;
  readonly recordedAt: string;
  readonly confirmedAt: string | null;
  readonly ledToReplication: boolean;
}

export type CheckInStatus = 'open' | 'overdue' | 'answered';
export type CheckInOutcome = 'active' | 'scaled' | 'stopped';

export interface CheckInAnswer {
  readonly running: boolean;
  readonly inBudget: boolean;
  readonly regulationInForce: boolean;
  readonly peopleServed?: number;
  readonly scaled?: boolean;
}

export interface CheckIn {
  readonly checkInId: string;
  readonly innovationId: string;
  readonly innovationTitle: string;
  readonly institutionId: string;
  readonly unitId: string | null;
  readonly period: number;
  readonly openedAt: string;
  readonly dueAt: string;
  readonly status: CheckInStatus;
  readonly answer:
    | (Required<Omit<CheckInAnswer, 'peopleServed'>> & {
        readonly peopleServed: number | null;
        readonly outcome: CheckInOutcome;
        readonly late: boolean;
        readonly answeredAt: string;
      })
    | null;
}

const link = (id: string) => `${BASE}/replications/${encodeURIComponent(id)}`;

export const replicationApi = {
  list: (api: ApiClient, signal?: AbortSignal) =>
    api.get<{ replications: ReplicationLink[]; total: number }>(`${BASE}/replications`, {
      query: { limit: 200 },
      ...withSignal(signal),
    }),
  get: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<ReplicationLink>(link(id), withSignal(signal)),
  register: (api: ApiClient, form: FormData, onProgress: (loaded: number, total: number) => void) =>
    api.upload<ReplicationLink>(`${BASE}/replications`, form, { onProgress }),
  countersign: (api: ApiClient, id: string, expectedRevision: number) =>
    api.post<ReplicationLink>(`${link(id)}/countersign`, { expectedRevision }),
  dispute: (api: ApiClient, id: string, reason: string, expectedRevision: number) =>
    api.post<ReplicationLink>(`${link(id)}/dispute`, { reason, expectedRevision }),
  changeStatus: (
    api: ApiClient,
    id: string,
    status: ReplicationStatus,
    note: string,
    expectedRevision: number,
  ) =>
    api.post<ReplicationLink>(`${link(id)}/status`, {
      status,
      ...(note ? { note } : {}),
      expectedRevision,
    }),
  evidencePath: (id: string, fileId: string) =>
    `${link(id)}/evidence/${encodeURIComponent(fileId)}`,
  innovations: (
    api: ApiClient,
    query: { q?: string; institution?: string },
    signal?: AbortSignal,
  ) =>
    api.get<{ items: InnovationRow[]; total: number }>(`${BASE}/public/innovations`, {
      query: { ...query, pageSize: 50 },
      auth: false,
      ...withSignal(signal),
    }),
  visits: (api: ApiClient, innovationId: string, signal?: AbortSignal) =>
    api.get<{ visits: Visit[] }>(
      `${BASE}/innovations/${encodeURIComponent(innovationId)}/visits`,
      withSignal(signal),
    ),
  recordVisit: (
    api: ApiClient,
    innovationId: string,
    body: { visitorInstitutionId: string; visitedOn: string; purpose: string },
  ) => api.post<Visit>(`${BASE}/innovations/${encodeURIComponent(innovationId)}/visits`, body),
  confirmVisit: (api: ApiClient, visitId: string) =>
    api.post<Visit>(`${BASE}/visits/${encodeURIComponent(visitId)}/confirm`),
  checkIns: (
    api: ApiClient,
    query: { status?: CheckInStatus; innovationId?: string },
    signal?: AbortSignal,
  ) => api.get<{ checkIns: CheckIn[] }>(`${BASE}/check-ins`, { query, ...withSignal(signal) }),
  answerCheckIn: (api: ApiClient, id: string, answer: CheckInAnswer) =>
    api.post<CheckIn>(`${BASE}/check-ins/${encodeURIComponent(id)}`, answer),
};

/** The adopter's next statuses, as replication allows them: one step on, or stopped. */
export function nextStatuses(from: ReplicationStatus): ReplicationStatus[] {
  if (from === 'stopped') return [];
  const index = REPLICATION_STATUSES.indexOf(from);
  const next = REPLICATION_STATUSES[index + 1];
  return [...(next && next !== 'stopped' ? [next] : []), 'stopped'];
}

/** What the origin may do with a link: counter-sign unless confirmed, dispute unless disputed. */
export function originActions(confirmation: Confirmation): {
  countersign: boolean;
  dispute: boolean;
} {
  return { countersign: confirmation !== 'confirmed', dispute: confirmation !== 'disputed' };
}

/** A dispute's reason: 10–2000 characters once trimmed. */
export function disputeReasonValid(reason: string): boolean {
  const length = reason.trim().length;
  return length >= 10 && length <= 2000;
}

/** The outcome replication will record for an answer. */
export function checkInOutcome(answer: Pick<CheckInAnswer, 'running' | 'scaled'>): CheckInOutcome {
  if (!answer.running) return 'stopped';
  return answer.scaled ? 'scaled' : 'active';
}

/** A visit date: a real calendar day, not after `today` (YYYY-MM-DD). */
export function visitDateValid(value: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value <= today
  );
}
