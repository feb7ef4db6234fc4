import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { useMessages } from '../../i18n';
import { inboxApi, inboxChanges } from './inbox-api';
import { notificationMessages } from './messages';

/** How often the header asks for the unread count while the page is visible. */
const POLL_MS = 60_000;

/** A link to the inbox with the number of unread messages, kept current. */
export function UnreadBadge() {
  const api = useApi();
  const t = useMessages(notificationMessages);
  const [unread, setUnread] = useState<number | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      inboxApi.unreadCount(api, signal).then(
        (count) => setUnread(count.unread),
        () => {
          // The badge is a hint; the inbox itself shows errors.
        },
      );
    },
    [api],
  );

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    const onChange = () => load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, POLL_MS);
    inboxChanges.addEventListener('change', onChange);
    window.addEventListener('focus', onChange);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      inboxChanges.removeEventListener('change', onChange);
      window.removeEventListener('focus', onChange);
    };
  }, [load]);

  const count = unread ?? 0;
  return (
    <Link to="/inbox" className="inbox-link" aria-label={t.badge(count)}>
      <span aria-hidden="true">{t.navInbox}</span>
      {count > 0 ? (
        <span className="badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
