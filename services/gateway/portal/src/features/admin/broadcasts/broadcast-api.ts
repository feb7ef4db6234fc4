import type { ApiClient } from '../../../api/client';
import type { Role } from '../../../auth/roles';

const BASE = '/api/notifications/broadcasts';

/** Who a broadcast goes to; every given dimension must hold. */
export interface BroadcastAudience {
  readonly roles?: readonly Role[];
  readonly institutionTypes?: readonly string[];
  readonly provinceCodes?: readonly string[];
  readonly finalistsOf?: string;
  readonly evaluatorsNotFinishedIn?: string;
}

export interface BroadcastBody {
  readonly subject: { readonly id: string; readonly en: string };
  readonly body: { readonly id: string; readonly en: string };
  readonly audience: BroadcastAudience;
  readonly mandatory: boolean;
  readonly requiresAck: boolean;
}

export interface Broadcast extends BroadcastBody {
  readonly broadcastId: string;
  readonly sentBy: string;
  readonly status: 'fanning-out' | 'done';
  readonly recipientCount: number;
  readonly delivery: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly createdAt: string;
  readonly completedAt: string | null;
}

export const broadcastApi = {
  send: (api: ApiClient, body: BroadcastBody, idempotencyKey: string) =>
    api.post<{ broadcastId: string; recipientCount: number }>(BASE, body, {
      headers: { 'idempotency-key': idempotencyKey },
    }),
  list: (api: ApiClient, cursor: string | null, signal?: AbortSignal) =>
    api.get<{ broadcasts: readonly Broadcast[]; nextCursor: string | null }>(BASE, {
      query: { limit: 20, cursor },
      ...(signal ? { signal } : {}),
    }),
  get: (api: ApiClient, broadcastId: string, signal?: AbortSignal) =>
    api.get<Broadcast>(`${BASE}/${encodeURIComponent(broadcastId)}`, signal ? { signal } : {}),
};

export interface Acknowledgements {
  readonly noticeId: string;
  readonly counts: {
    readonly recipients: number;
    readonly acknowledged: number;
    readonly pending: number;
  };
  readonly recipients: readonly {
    readonly accountId: string;
    readonly name: string;
    readonly email: string;
    readonly readAt: string | null;
    readonly acknowledgedAt: string | null;
  }[];
}

/** Who has acknowledged a notice (a broadcast's notice id is its broadcast id). */
export const acknowledgementsOf = (api: ApiClient, noticeId: string, signal?: AbortSignal) =>
  api.get<Acknowledgements>(
    `/api/notifications/notices/${encodeURIComponent(noticeId)}/acknowledgements`,
    {
      query: { acknowledged: false },
      ...(signal ? { signal } : {}),
    },
  );
