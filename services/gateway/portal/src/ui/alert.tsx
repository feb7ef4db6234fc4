import type { ReactNode } from 'react';
import { describeError, type ErrorCodeMessages } from '../api/describe-error';
import { errorMessages } from '../api/messages';
import { useI18n } from '../i18n';

export type AlertTone = 'error' | 'warning' | 'success' | 'info';

/**
 * A message block. Errors and warnings interrupt (role=alert); success and information
 * are announced politely (role=status).
 */
export function Alert({
  tone,
  title,
  children,
}: {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
}) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`alert alert-${tone}`} role={urgent ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** An API failure in the person's language, with the request id support can trace. */
export function ErrorAlert({
  error,
  codes,
  title,
}: {
  error: unknown;
  /** The feature's own messages for its codes, in the current language. */
  codes?: ErrorCodeMessages;
  title?: ReactNode;
}) {
  const { locale } = useI18n();
  const described = describeError(error, locale, codes);
  const t = errorMessages[locale];
  return (
    <Alert tone="error" title={title}>
      <p>{described.message}</p>
      {described.requestId || described.code ? (
        <p className="alert-meta">
          {described.code ? (
            <span>
              {t.code}: <code>{described.code}</code>
            </span>
          ) : null}
          {described.code && described.requestId ? ' · ' : null}
          {described.requestId ? (
            <span>
              {t.requestId}: <code>{described.requestId}</code>
            </span>
          ) : null}
        </p>
      ) : null}
    </Alert>
  );
}
