import type { ApiClient } from '../../../api/client';

const BASE = '/api/notifications/deliveries';

export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'interrupted',
  'suppressed',
  'digest',
  'digested',
  'delivered',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Delivery {
  readonly id: string;
  readonly noticeId: string;
  readonly template: string;
  readonly channel: 'email' | 'inbox';
  readonly recipient: {
    readonly accountId: string | null;
    readonly email: string | null;
    readonly locale: string;
  };
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: string | null;
  readonly createdAt: string;
}

export interface DeliveryFilters {
  readonly status: DeliveryStatus | '';
  readonly channel: 'email' | 'inbox' | '';
  readonly template: string;
  readonly email: string;
  /** Dates (YYYY-MM-DD), the whole day in WIB. */
  readonly from: string;
  readonly to: string;
}

export const NO_FILTERS: DeliveryFilters = {
  status: '',
  channel: '',
  template: '',
  email: '',
  from: '',
  to: '',
};

/** The query the delivery log takes: `from`/`to` as instants, days read in WIB (`to` inclusive). */
export function deliveryQuery(filters: DeliveryFilters): Record<string, string> {
  const day = (date: string, plusDays: number) => {
    const start = Date.parse(`${date}T00:00:00+07:00`);
    return Number.isNaN(start) ? undefined : new Date(start + plusDays * 86_400_000).toISOString();
  };
  const query: Record<string, string | undefined> = {
    status: filters.status || undefined,
    channel: filters.channel || undefined,
    template: filters.template.trim() || undefined,
    email: filters.email.trim() || undefined,
    from: filters.from ? day(filters.from, 0) : undefined,
    to: filters.to ? day(filters.to, 1) : undefined,
  };
  return Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Whether the log offers "send again": a failed or interrupted email (what the service accepts). */
export function canResend(delivery: Pick<Delivery, 'channel' | 'status'>): boolean {
  return (
    delivery.channel === 'email' &&
    (delivery.status === 'failed' || delivery.status === 'interrupted')
  );
}

export const deliveryApi = {
  list: (api: ApiClient, filters: DeliveryFilters, cursor: string | null, signal?: AbortSignal) =>
    api.get<{ items: readonly Delivery[]; nextCursor: string | null }>(BASE, {
      query: { ...deliveryQuery(filters), limit: 50, cursor },
      ...(signal ? { signal } : {}),
    }),
  summary: (api: ApiClient, filters: DeliveryFilters, signal?: AbortSignal) =>
    api.get<{ total: number; byStatus: Readonly<Record<string, number>> }>(`${BASE}/summary`, {
      query: deliveryQuery(filters),
      ...(signal ? { signal } : {}),
    }),
  resend: (api: ApiClient, id: string) =>
    api.post<Delivery>(`${BASE}/${encodeURIComponent(id)}/resend`),
};
