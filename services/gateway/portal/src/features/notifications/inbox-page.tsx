import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { announceInboxChange, inboxApi, messageLocale, type InboxItem } from './inbox-api';
import { categoryName, notificationMessages } from './messages';

type Filter = 'all' | 'unread';

function ItemStatus({ item }: { item: InboxItem }) {
  const t = useMessages(notificationMessages);
  return (
    <span className="inbox-status">
      <span className={item.readAt ? 'tag' : 'tag tag-strong'}>
        {item.readAt ? t.read : t.unread}
      </span>
      {item.requiresAck ? (
        <span className={item.acknowledgedAt ? 'tag' : 'tag tag-warning'}>
          {item.acknowledgedAt ? t.acknowledged : t.needsAck}
        </span>
      ) : null}
    </span>
  );
}

/** The signed-in person's messages, newest first, with "unread" filter and "read all". */
export default function InboxPage() {
  const t = useMessages(notificationMessages);
  usePageTitle(t.title);
  const api = useApi();
  const [filter, setFilter] = useState<Filter>('all');
  const [items, setItems] = useState<InboxItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    inboxApi
      .list(api, { unread: filter === 'unread' ? true : undefined, signal: controller.signal })
      .then(
        (page) => {
          setItems([...page.items]);
          setCursor(page.nextCursor);
          setLoading(false);
        },
        (reason: unknown) => {
          if (controller.signal.aborted) return;
          setError(reason);
          setLoading(false);
        },
      );
    return () => controller.abort();
  }, [api, filter, generation]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setBusy(true);
    try {
      const page = await inboxApi.list(api, {
        unread: filter === 'unread' ? true : undefined,
        cursor,
      });
      setItems((current) => [...current, ...page.items]);
      setCursor(page.nextCursor);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  }, [api, cursor, filter]);

  const readAll = async () => {
    setBusy(true);
    setError(null);
    try {
      const { marked } = await inboxApi.readAll(api);
      setNotice(t.readAllDone(marked));
      announceInboxChange();
      setGeneration((g) => g + 1);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };

  const codes: Readonly<Record<string, string>> = {
    MESSAGE_NOT_FOUND: t.MESSAGE_NOT_FOUND,
    ACKNOWLEDGEMENT_NOT_REQUIRED: t.ACKNOWLEDGEMENT_NOT_REQUIRED,
  };

  return (
    <section>
      <h1>{t.title}</h1>
      <div className="toolbar">
        <Select
          label={t.filterLabel}
          value={filter}
          onChange={(event) => {
            // Another filter: the list starts over (a reload after "read all" keeps it meanwhile).
            setItems([]);
            setFilter(event.target.value === 'unread' ? 'unread' : 'all');
          }}
          options={[
            { value: 'all', label: t.filterAll },
            { value: 'unread', label: t.filterUnread },
          ]}
        />
        <Button variant="secondary" busy={busy} onClick={() => void readAll()}>
          {t.readAll}
        </Button>
      </div>
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      {loading && items.length === 0 ? (
        <Progress label={t.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={filter === 'unread' ? t.emptyUnread : t.empty} />
      ) : (
        <>
          <ul className="inbox-list" aria-label={t.listCaption}>
            {items.map((item) => {
              const language = messageLocale(item);
              return (
                <li
                  key={item.id}
                  className={item.readAt ? 'inbox-item' : 'inbox-item inbox-item-unread'}
                >
                  <Link
                    to={`/inbox/${encodeURIComponent(item.id)}`}
                    className="inbox-subject"
                    lang={language ?? undefined}
                  >
                    {item.subject}
                  </Link>
                  <span className="inbox-meta">
                    <span>{categoryName(t, item.category)}</span>
                    <DateTime value={item.createdAt} />
                    {language ? (
                      <span className="tag" title={t.language}>
                        {language === 'id' ? t.langName_id : t.langName_en}
                      </span>
                    ) : null}
                  </span>
                  <ItemStatus item={item} />
                </li>
              );
            })}
          </ul>
          {cursor ? (
            <Button variant="secondary" busy={busy} onClick={() => void loadMore()}>
              {t.loadMore}
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
