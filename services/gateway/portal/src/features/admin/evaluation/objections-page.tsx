import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { Alert, ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DateTime } from '../../../ui/date-time';
import { EmptyState } from '../../../ui/empty-state';
import { Select, TextArea } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { DownloadButton } from '../shared/download-button';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import {
  evaluationApi,
  evidencePath,
  type Objection,
  type ObjectionOutcome,
} from './evaluation-api';
import { evaluationMessages } from './messages';

type Filter = 'all' | 'pending' | 'resolved';

/** The minimum length of a decision's reason (the service's rule). */
export const MIN_REASON = 20;

/** Pending objections first (oldest first), then the decided ones (newest decision first). */
export function orderObjections(objections: readonly Objection[], filter: Filter): Objection[] {
  return objections
    .filter((o) => filter === 'all' || (filter === 'pending') === (o.resolution === null))
    .sort((a, b) => {
      if ((a.resolution === null) !== (b.resolution === null))
        return a.resolution === null ? -1 : 1;
      if (a.resolution && b.resolution)
        return b.resolution.resolvedAt.localeCompare(a.resolution.resolvedAt);
      return a.filedAt.localeCompare(b.filedAt);
    });
}

function ResolveForm({
  objection,
  onResolved,
}: {
  objection: Objection;
  onResolved: (o: Objection) => void;
}) {
  const t = useMessages(evaluationMessages);
  const api = useApi();
  const action = useAction();
  const [outcome, setOutcome] = useState<ObjectionOutcome>('dismissed');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < MIN_REASON;
  return (
    <form
      className="form"
      noValidate
      aria-label={t.resolve}
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (tooShort) return;
        void action.run(async () => {
          const resolution = await evaluationApi.resolveObjection(
            api,
            objection.objectionId,
            outcome,
            reason.trim(),
          );
          onResolved({ ...objection, resolution });
        });
      }}
    >
      <Select
        label={t.outcome}
        value={outcome}
        options={[
          { value: 'dismissed', label: t.outcome_dismissed },
          { value: 'upheld', label: t.outcome_upheld },
        ]}
        onChange={(e) => setOutcome(e.target.value === 'upheld' ? 'upheld' : 'dismissed')}
      />
      <TextArea
        label={t.reason}
        hint={t.reasonHint}
        required
        value={reason}
        maxLength={2000}
        error={touched && tooShort ? t.reasonTooShort : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
      <div className="form-actions">
        <Button
          type="submit"
          variant={outcome === 'upheld' ? 'danger' : 'primary'}
          busy={action.busy}
        >
          {t.resolve}
        </Button>
      </div>
    </form>
  );
}

function ObjectionCard({
  objection,
  onResolved,
}: {
  objection: Objection;
  onResolved: (o: Objection) => void;
}) {
  const t = useMessages(evaluationMessages);
  const { locale } = useI18n();
  const status = objection.resolution?.outcome ?? 'pending';
  const headingId = `objection-${objection.objectionId}`;
  return (
    <article className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.objectionOf(objection.proposalTitle)}</h2>
      <dl className="summary">
        <dt>{t.colInstitution}</dt>
        <dd>{objection.institutionName ?? objection.institutionId}</dd>
        <dt>{t.colFiled}</dt>
        <dd>
          <DateTime value={objection.filedAt} />
        </dd>
        <dt>{t.colObjector}</dt>
        <dd>
          {objection.objector.name} (
          <a href={`mailto:${objection.objector.email}`}>{objection.objector.email}</a>)
        </dd>
        <dt>{t.colStatus}</dt>
        <dd>
          <span className={status === 'pending' ? 'tag tag-warning' : 'tag'}>
            {t[`status_${status}`]}
          </span>
        </dd>
      </dl>
      <h3>{t.grounds}</h3>
      <p className="message-body">{objection.grounds}</p>
      <h3>{t.evidence}</h3>
      {objection.evidence.length === 0 ? (
        <p>{t.noEvidence}</p>
      ) : (
        <ul className="link-list">
          {objection.evidence.map((file) => (
            <li key={file.fileId}>
              <DownloadButton
                path={evidencePath(objection.objectionId, file.fileId)}
                filename={file.filename}
                label={`${t.downloadEvidence(file.filename)} (${formatNumber(locale, file.sizeBytes / 1024, 0)} KB)`}
                codes={codeMessages(t)}
              />
            </li>
          ))}
        </ul>
      )}
      {objection.resolution ? (
        <>
          <h3>{t.resolution}</h3>
          <p>
            <strong>{t[`status_${objection.resolution.outcome}`]}</strong> —{' '}
            {objection.resolution.reason}
          </p>
          <p>
            {t.resolvedAt}: <DateTime value={objection.resolution.resolvedAt} />
          </p>
        </>
      ) : (
        <ResolveForm objection={objection} onResolved={onResolved} />
      )}
    </article>
  );
}

/** Every objection of an edition: grounds, evidence, and the decision (uphold or dismiss). */
export default function ObjectionsPage() {
  const t = useMessages(evaluationMessages);
  const common = useMessages(adminMessages);
  const { editionId, title } = useEditionSubpage(t.objectionsTitle);
  const query = useApiQuery(`objections:${editionId}`, (api, signal) =>
    evaluationApi.objections(api, editionId, signal),
  );
  const [filter, setFilter] = useState<Filter>('pending');
  const [notice, setNotice] = useState<string | null>(null);
  const [decided, setDecided] = useState<Readonly<Record<string, Objection>>>({});
  const objections = (query.data?.objections ?? []).map((o) => decided[o.objectionId] ?? o);
  const shown = orderObjections(objections, filter);
  const onResolved = (objection: Objection) => {
    setDecided((current) => ({ ...current, [objection.objectionId]: objection }));
    const outcome = objection.resolution?.outcome ?? 'dismissed';
    setNotice(
      `${t.resolved(t[`status_${outcome}`])}${outcome === 'upheld' ? ` ${t.upheldNote}` : ''}`,
    );
  };
  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      <div className="toolbar">
        <Select
          label={t.filter}
          value={filter}
          options={[
            { value: 'pending', label: t.filterPending },
            { value: 'resolved', label: t.filterResolved },
            { value: 'all', label: t.filterAll },
          ]}
          onChange={(e) =>
            setFilter(
              e.target.value === 'all'
                ? 'all'
                : e.target.value === 'resolved'
                  ? 'resolved'
                  : 'pending',
            )
          }
        />
      </div>
      {notice ? (
        <Alert tone="success">
          <p>{notice}</p>
        </Alert>
      ) : null}
      {query.error ? <ErrorAlert error={query.error} codes={codeMessages(t)} /> : null}
      {query.loading && !query.data ? (
        <Progress label={common.loading} />
      ) : shown.length === 0 ? (
        <EmptyState title={t.objectionsEmpty} />
      ) : (
        <div aria-label={t.objectionsCaption} role="list">
          {shown.map((objection) => (
            <div role="listitem" key={objection.objectionId}>
              <ObjectionCard objection={objection} onResolved={onResolved} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
