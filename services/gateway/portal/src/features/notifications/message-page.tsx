import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { Progress } from '../../ui/progress';
import {
  announceInboxChange,
  inboxApi,
  messageLocale,
  portalPath,
  type InboxItem,
} from './inbox-api';
import { categoryName, notificationMessages } from './messages';

/** The text body in paragraphs (blank lines), keeping single line breaks. */
function Paragraphs({ text }: { text: string }) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph, index) => (
        // Paragraphs have no identity beyond their position in a message that never changes.
        <p key={index} className="preserve-lines">
          {paragraph}
        </p>
      ))}
    </>
  );
}

/** One message, marked read when opened; acknowledged on request. */
export default function MessagePage() {
  const t = useMessages(notificationMessages);
  const api = useApi();
  const { messageId = '' } = useParams();
  const [item, setItem] = useState<InboxItem | null>(null);
  const { busy, error, run, setError } = useAction();
  const [acknowledgedNow, setAcknowledgedNow] = useState(false);
  usePageTitle(item?.subject ?? t.messageTitle);

  useEffect(() => {
    const controller = new AbortController();
    setItem(null);
    setError(null);
    inboxApi
      .get(api, messageId, controller.signal)
      .then(async (loaded) => {
        if (loaded.readAt) return loaded;
        const read = await inboxApi.read(api, loaded.id);
        announceInboxChange();
        return read;
      })
      .then(
        (loaded) => {
          if (!controller.signal.aborted) setItem(loaded);
        },
        (reason: unknown) => {
          if (!controller.signal.aborted) setError(reason);
        },
      );
    return () => controller.abort();
  }, [api, messageId, setError]);

  const acknowledge = (id: string) =>
    run(async () => {
      setItem(await inboxApi.acknowledge(api, id));
      setAcknowledgedNow(true);
      announceInboxChange();
    });

  const codes: Readonly<Record<string, string>> = {
    MESSAGE_NOT_FOUND: t.MESSAGE_NOT_FOUND,
    ACKNOWLEDGEMENT_NOT_REQUIRED: t.ACKNOWLEDGEMENT_NOT_REQUIRED,
  };
  const language = item ? messageLocale(item) : null;
  const related = item ? portalPath(item.link, window.location.origin) : null;

  return (
    <article className="message">
      <p>
        <Link to="/inbox">{t.back}</Link>
      </p>
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      {!item && !error ? <Progress label={t.loading} /> : null}
      {!item && error ? <h1>{t.messageTitle}</h1> : null}
      {item ? (
        <>
          <h1 lang={language ?? undefined}>{item.subject}</h1>
          <dl className="message-meta">
            <dt>{t.received}</dt>
            <dd>
              <DateTime value={item.createdAt} />
            </dd>
            <dt>{t.categoryLabel}</dt>
            <dd>{categoryName(t, item.category)}</dd>
            {language ? (
              <>
                <dt>{t.language}</dt>
                <dd>{language === 'id' ? t.langName_id : t.langName_en}</dd>
              </>
            ) : null}
          </dl>
          {item.requiresAck ? (
            item.acknowledgedAt ? (
              <Alert tone="success">
                <p>
                  {acknowledgedNow ? `${t.ackDone} ` : null}
                  {t.acknowledgedAt} <DateTime value={item.acknowledgedAt} />
                </p>
              </Alert>
            ) : (
              <Alert tone="warning" title={t.needsAck}>
                <p>{t.ackAsk}</p>
                <Button busy={busy} onClick={() => void acknowledge(item.id)}>
                  {t.acknowledge}
                </Button>
              </Alert>
            )
          ) : null}
          <div className="message-body" lang={language ?? undefined}>
            <Paragraphs text={item.text} />
          </div>
          {related && related !== `/inbox/${item.id}` ? (
            <p>
              <Link to={related} className="button button-secondary">
                {t.goTo}
              </Link>
            </p>
          ) : null}
        </>
      ) : null}
    </article>
  );
}
