import { codeMessages } from '../../api/code-messages';
import { Notice, useInstitution } from './proposal-parts';
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { afterAwardMessages, type AfterAwardText } from './after-award-messages';
import { OperatorNav } from './operator-nav';
import {
  EVIDENCE_KINDS,
  REPLICATION_STATUSES,
  replicationApi,
  type Confirmation,
  type InnovationRow,
  type ReplicationLink,
  type ReplicationStatus,
} from './replication-api';

export function replicationStatusLabel(t: AfterAwardText, status: ReplicationStatus): string {
  return t[`rstatus_${status}`];
}

export function ConfirmationTag({ confirmation }: { confirmation: Confirmation }) {
  const t = useMessages(afterAwardMessages);
  const tone =
    confirmation === 'confirmed'
      ? 'tag'
      : confirmation === 'disputed'
        ? 'tag tag-strong'
        : 'tag tag-warning';
  return <span className={tone}>{t[`confirmation_${confirmation}`]}</span>;
}

function LinkTable({ caption, rows }: { caption: string; rows: readonly ReplicationLink[] }) {
  const t = useMessages(afterAwardMessages);
  return (
    <Table<ReplicationLink>
      caption={caption}
      rows={rows}
      rowKey={(row) => row.replicationId}
      columns={[
        {
          key: 'title',
          header: t.colReplication,
          rowHeader: true,
          cell: (row) => (
            <Link to={`/replications/${encodeURIComponent(row.replicationId)}`}>{row.title}</Link>
          ),
        },
        { key: 'innovation', header: t.colInnovation, cell: (row) => row.innovationTitle },
        {
          key: 'status',
          header: t.colStatus,
          cell: (row) => replicationStatusLabel(t, row.status),
        },
        {
          key: 'confirmation',
          header: t.colConfirmation,
          cell: (row) => <ConfirmationTag confirmation={row.confirmation} />,
        },
        {
          key: 'recorded',
          header: t.colRecorded,
          cell: (row) => <DateTime value={row.recordedAt} />,
        },
      ]}
    />
  );
}

function RegisterReplication({ onDone }: { onDone: () => void }) {
  const t = useMessages(afterAwardMessages);
  const api = useApi();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<readonly InnovationRow[] | null>(null);
  const [innovationId, setInnovationId] = useState('');
  const [title, setTitle] = useState('');
  const [status, setStatus] = useState<ReplicationStatus>('plan');
  const [files, setFiles] = useState<Partial<Record<(typeof EVIDENCE_KINDS)[number], File>>>({});
  const [errors, setErrors] = useState<{ innovation?: string; title?: string }>({});
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { institutionId } = useInstitution();

  const search = async () => {
    setSearching(true);
    setError(null);
    try {
      const page = await replicationApi.innovations(api, { q: q.trim() });
      setResults(page.items.filter((row) => row.institutionId !== institutionId));
    } catch (reason) {
      setError(reason);
    } finally {
      setSearching(false);
    }
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setNotice(null);
    const found = {
      ...(innovationId ? {} : { innovation: t.required }),
      ...(title.trim().length >= 1 && title.trim().length <= 300 ? {} : { title: t.titleInvalid }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const form = new FormData();
    form.append('innovationId', innovationId);
    form.append('title', title.trim());
    form.append('status', status);
    for (const kind of EVIDENCE_KINDS) {
      const file = files[kind];
      if (file) form.append(kind, file);
    }
    setError(null);
    setProgress({ loaded: 0, total: 0 });
    try {
      await replicationApi.register(api, form, (loaded, total) => setProgress({ loaded, total }));
      setNotice(t.registered);
      setTitle('');
      setFiles({});
      onDone();
    } catch (reason) {
      setError(reason);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="register-replication" className="panel">
      <h2 id="register-replication">{t.registerTitle}</h2>
      <div className="toolbar">
        <Field
          label={t.searchLabel}
          hint={t.searchHint}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button variant="secondary" busy={searching} onClick={() => void search()}>
          {t.search}
        </Button>
      </div>
      {results !== null && results.length === 0 ? <p role="status">{t.noResults}</p> : null}
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Select
          label={t.innovationLabel}
          required
          value={innovationId}
          placeholder="—"
          error={errors.innovation}
          onChange={(event) => setInnovationId(event.target.value)}
          options={(results ?? []).map((row) => ({
            value: row.innovationId,
            label: `${row.title} — ${row.institutionName} (${row.year})`,
          }))}
        />
        <Field
          label={t.titleLabel}
          required
          maxLength={300}
          value={title}
          error={errors.title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <Select
          label={t.statusLabel}
          value={status}
          onChange={(event) => setStatus(event.target.value as ReplicationStatus)}
          options={REPLICATION_STATUSES.filter((s) => s !== 'stopped').map((s) => ({
            value: s,
            label: replicationStatusLabel(t, s),
          }))}
        />
        {EVIDENCE_KINDS.map((kind) => (
          <Field
            key={kind}
            type="file"
            label={t.evidenceLabel(t[`kind_${kind}`])}
            hint={t.evidenceHint}
            accept="application/pdf,image/jpeg,image/png"
            onChange={(event) => {
              const file = event.target.files?.[0];
              setFiles((current) => ({ ...current, [kind]: file }));
            }}
          />
        ))}
        {progress ? (
          <Progress
            label={t.registering}
            value={progress.total ? progress.loaded : undefined}
            max={progress.total || 1}
          />
        ) : null}
        <Notice text={notice} />
        {error ? <ErrorAlert error={error} codes={codeMessages(t)} /> : null}
        <div className="form-actions">
          <Button type="submit" busy={progress !== null}>
            {t.register}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The institution's replication links, as adopter and as origin, and recording a new one. */
export default function ReplicationsPage() {
  const t = useMessages(afterAwardMessages);
  usePageTitle(t.replicationsTitle);
  const { institutionId } = useInstitution();
  const list = useApiQuery('replications', (api, signal) => replicationApi.list(api, signal));
  const links = list.data?.replications ?? [];
  const adopted = links.filter((link) => link.adopterInstitutionId === institutionId);
  const ours = links.filter((link) => link.originInstitutionId === institutionId);
  return (
    <section>
      <h1>{t.replicationsTitle}</h1>
      <OperatorNav />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={t.loading} />
      ) : (
        <>
          <h2>{t.asAdopter}</h2>
          {adopted.length === 0 ? (
            <EmptyState title={t.noneAdopter} />
          ) : (
            <LinkTable caption={t.adopterCaption} rows={adopted} />
          )}
          <h2>{t.asOrigin}</h2>
          {ours.length === 0 ? (
            <EmptyState title={t.noneOrigin} />
          ) : (
            <LinkTable caption={t.originCaption} rows={ours} />
          )}
        </>
      )}
      <RegisterReplication onDone={list.reload} />
    </section>
  );
}
