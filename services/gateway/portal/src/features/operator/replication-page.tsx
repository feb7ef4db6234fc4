import { codeMessages } from '../../api/code-messages';
import { Notice, DownloadButton, useDownload, useInstitution } from './proposal-parts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { localeTag, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { Field, Select, TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { afterAwardMessages } from './after-award-messages';
import { formatBytes } from './evidence-check';
import { ConfirmationTag, replicationStatusLabel } from './replications-page';
import {
  disputeReasonValid,
  nextStatuses,
  originActions,
  replicationApi,
  type ReplicationLink,
  type ReplicationStatus,
} from './replication-api';

function OriginActions({
  link,
  onChange,
}: {
  link: ReplicationLink;
  onChange: (l: ReplicationLink) => void;
}) {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const allowed = originActions(link.confirmation);
  return (
    <section aria-labelledby="origin-heading" className="panel">
      <h2 id="origin-heading">{t.originHeading}</h2>
      {allowed.countersign ? (
        <Button
          busy={action.busy}
          onClick={() =>
            void action.run(async () => {
              onChange(await replicationApi.countersign(api, link.replicationId, link.revision));
              setNotice(t.countersigned);
            })
          }
        >
          {t.countersign}
        </Button>
      ) : null}
      {allowed.dispute ? (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const valid = disputeReasonValid(reason);
            setInvalid(!valid);
            if (!valid) return;
            void action.run(async () => {
              onChange(
                await replicationApi.dispute(api, link.replicationId, reason.trim(), link.revision),
              );
              setReason('');
              setNotice(t.disputed);
            });
          }}
        >
          <TextArea
            label={t.disputeLabel}
            hint={t.disputeHint}
            required
            rows={4}
            value={reason}
            error={invalid ? t.disputeInvalid : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <Button type="submit" variant="danger" busy={action.busy}>
            {t.dispute}
          </Button>
        </form>
      ) : null}
      <Notice text={notice} />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </section>
  );
}

function AdopterActions({
  link,
  onChange,
}: {
  link: ReplicationLink;
  onChange: (l: ReplicationLink) => void;
}) {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const action = useAction();
  const options = nextStatuses(link.status);
  const [status, setStatus] = useState<ReplicationStatus | ''>(options[0] ?? '');
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section aria-labelledby="adopter-heading" className="panel">
      <h2 id="adopter-heading">{t.adopterHeading}</h2>
      {options.length === 0 ? (
        <p>{t.noNextStatus}</p>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!status) return;
            void action.run(async () => {
              const changed = await replicationApi.changeStatus(
                api,
                link.replicationId,
                status,
                note.trim(),
                link.revision,
              );
              onChange(changed);
              setNote('');
              setStatus(nextStatuses(changed.status)[0] ?? '');
              setNotice(t.statusChanged);
            });
          }}
        >
          <Select
            label={t.newStatus}
            value={status}
            onChange={(event) => setStatus(event.target.value as ReplicationStatus)}
            options={options.map((s) => ({ value: s, label: replicationStatusLabel(t, s) }))}
          />
          <Field
            label={t.note}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          <Button type="submit" busy={action.busy}>
            {t.changeStatus}
          </Button>
        </form>
      )}
      <Notice text={notice} />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </section>
  );
}

function Detail({ initial }: { initial: ReplicationLink }) {
  const t = useMessages(afterAwardMessages);
  const { locale } = useI18n();
  const [link, setLink] = useState(initial);
  const { institutionId } = useInstitution();
  const files = useDownload();
  usePageTitle(link.title);
  return (
    <section>
      <p>
        <Link to="/operator/replications">{t.replicationsTitle}</Link>
      </p>
      <h1>{link.title}</h1>
      <dl className="summary">
        <dt>{t.colInnovation}</dt>
        <dd>{link.innovationTitle}</dd>
        <dt>{t.origin}</dt>
        <dd>{link.originInstitutionId}</dd>
        <dt>{t.adopter}</dt>
        <dd>{link.adopterInstitutionId}</dd>
        <dt>{t.colStatus}</dt>
        <dd>{replicationStatusLabel(t, link.status)}</dd>
        <dt>{t.colConfirmation}</dt>
        <dd>
          <ConfirmationTag confirmation={link.confirmation} />
        </dd>
        <dt>{t.source}</dt>
        <dd>{t[`source_${link.source}`]}</dd>
        {link.disputeReason ? (
          <>
            <dt>{t.disputeReason}</dt>
            <dd className="preserve-lines">{link.disputeReason}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t.evidenceHeading}</h2>
        {link.evidence.length === 0 ? (
          <p>{t.noEvidence}</p>
        ) : (
          <ul className="file-list">
            {link.evidence.map((file) => (
              <li key={file.fileId}>
                {t[`kind_${file.kind}`]}: {file.filename} (
                {formatBytes(file.sizeBytes, localeTag(locale))}){' '}
                <DownloadButton
                  files={files}
                  path={replicationApi.evidencePath(link.replicationId, file.fileId)}
                  filename={file.filename}
                  label={t.download(file.filename)}
                />
              </li>
            ))}
          </ul>
        )}
        {files.error ? <ErrorAlert error={files.error} codes={codeMessages(t)} /> : null}
      </section>
      {institutionId === link.originInstitutionId ? (
        <OriginActions link={link} onChange={setLink} />
      ) : null}
      {institutionId === link.adopterInstitutionId ? (
        <AdopterActions link={link} onChange={setLink} />
      ) : null}
      <section aria-labelledby="replication-history">
        <h2 id="replication-history">{t.historyHeading}</h2>
        <Table
          caption={t.historyCaption}
          hideCaption
          rows={link.history}
          rowKey={(row) => String(row.revision)}
          columns={[
            { key: 'at', header: t.colWhen, cell: (row) => <DateTime value={row.at} /> },
            { key: 'action', header: t.colAction, cell: (row) => t[`action_${row.action}`] },
            {
              key: 'status',
              header: t.colStatus,
              cell: (row) => replicationStatusLabel(t, row.status),
            },
            {
              key: 'confirmation',
              header: t.colConfirmation,
              cell: (row) => t[`confirmation_${row.confirmation}`],
            },
            { key: 'note', header: t.colNote, cell: (row) => row.note ?? '—' },
          ]}
        />
      </section>
    </section>
  );
}

/** One replication link: evidence, the origin's confirmation or dispute, the adopter's status. */
export default function ReplicationPage() {
  const t = useMessages(afterAwardMessages);
  const { replicationId = '' } = useParams();
  const query = useApiQuery(`replication:${replicationId}`, (api, signal) =>
    replicationApi.get(api, replicationId, signal),
  );
  if (!query.data) {
    return (
      <section>
        <h1>{t.replicationsTitle}</h1>
        {query.error ? (
          <ErrorAlert error={query.error} codes={codeMessages(t)} />
        ) : (
          <Progress label={t.detailLoading} />
        )}
      </section>
    );
  }
  return <Detail key={query.data.replicationId} initial={query.data} />;
}
