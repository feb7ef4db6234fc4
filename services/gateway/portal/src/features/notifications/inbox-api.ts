import type { ApiClient } from '../../api/client';
import type { Locale } from '../../i18n';

const BASE = '/api/notifications';

/** One inbox message, rendered by the notifications service in its recipient's language. */
export interface InboxItem {
  readonly id: string;
  readonly noticeId: string;
  readonly template: string;
  readonly category: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly link: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly requiresAck: boolean;
  readonly acknowledgedAt: string | null;
}

export interface InboxPage {
  readonly items: readonly InboxItem[];
  readonly nextCursor: string | null;
}

export interface UnreadCount {
  readonly unread: number;
  readonly awaitingAcknowledgement: number;
}

export const INBOX_PAGE_SIZE = 20;

export const inboxApi = {
  list: (
    api: ApiClient,
    options: { unread?: boolean; cursor?: string | null; signal?: AbortSignal },
  ) =>
    api.get<InboxPage>(`${BASE}/inbox`, {
      query: { limit: INBOX_PAGE_SIZE, unread: options.unread, cursor: options.cursor },
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  unreadCount: (api: ApiClient, signal?: AbortSignal) =>
    api.get<UnreadCount>(`${BASE}/inbox/unread-count`, signal ? { signal } : {}),
  get: (api: ApiClient, id: string, signal?: AbortSignal) =>
    api.get<InboxItem>(`${BASE}/inbox/${encodeURIComponent(id)}`, signal ? { signal } : {}),
  read: (api: ApiClient, id: string) =>
    api.post<InboxItem>(`${BASE}/inbox/${encodeURIComponent(id)}/read`),
  readAll: (api: ApiClient) => api.post<{ marked: number }>(`${BASE}/inbox/read-all`),
  acknowledge: (api: ApiClient, id: string) =>
    api.post<InboxItem>(`${BASE}/inbox/${encodeURIComponent(id)}/acknowledge`),
};

/** The language a message was written in: its HTML document says so (`<html lang>`). */
export function messageLocale(item: Pick<InboxItem, 'html'>): Locale | null {
  const match = /<html[^>]*\slang="(id|en)"/i.exec(item.html);
  return match?.[1] === 'id' || match?.[1] === 'en' ? match[1] : null;
}

/**
 * A link from a message, as a path inside the portal when it points into it (mails carry
 * absolute links to PORTAL_URL); null for a link elsewhere.
 */
export function portalPath(link: string | null, origin: string): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Tells the unread badge that the inbox changed (read, acknowledged). */
export const inboxChanges = new EventTarget();
export function announceInboxChange(): void {
  inboxChanges.dispatchEvent(new Event('change'));
}
