import type { EditionPhase } from '@kipp/contracts';
import { useState, type SyntheticEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { browserZone, DateTime, formatDateTime } from '../../ui/date-time';
import { Field, Select, TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { publicErrorCodes, publicMessages } from './messages';
import {
  checkObjection,
  GROUNDS_MAX,
  GROUNDS_MIN,
  MAX_FILE_BYTES,
  MAX_FILES,
  objectionFormData,
  windowOfClosedError,
  windowState,
  type ObjectionProblems,
  type ObjectionWindow,
} from './objection-form';
import { publicApi, type FiledObjection, type PublicFinalists } from './public-api';
import { usePublicEditions } from './editions';

const EDITION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

function EditionChooser() {
  const t = useMessages(publicMessages);
  const navigate = useNavigate();
  const editions = usePublicEditions();
  const [edition, setEdition] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = edition.trim();
    setInvalid(!EDITION_ID.test(id));
    if (EDITION_ID.test(id)) void navigate(`/objections/${encodeURIComponent(id)}`);
  };
  const known = editions.data?.editions ?? [];
  return (
    <form className="form toolbar" onSubmit={submit} noValidate>
      {known.length > 0 ? (
        <Select
          label={t.objectionEditionPick}
          placeholder="—"
          value={edition}
          options={known.map((e) => ({ value: e.editionId, label: e.configuration.name }))}
          onChange={(e) => setEdition(e.target.value)}
        />
      ) : (
        <Field
          label={t.objectionEditionPick}
          hint={t.objectionEditionHint}
          error={invalid ? t.objectionEditionHint : undefined}
          value={edition}
          maxLength={64}
          onChange={(e) => setEdition(e.target.value)}
        />
      )}
      <Button type="submit">{t.objectionOpenEdition}</Button>
    </form>
  );
}

/** The objection window as the edition's published calendar plans it, and its current phase. */
function useObjectionWindow(editionId: string): {
  window: ObjectionWindow | null;
  phase: EditionPhase | null;
} {
  const editions = usePublicEditions();
  const edition = editions.data?.editions.find((e) => e.editionId === editionId);
  const entry = edition?.configuration.calendar.find((c) => c.phase === 'objection');
  return {
    window: entry ? { startsAt: new Date(entry.startsAt), endsAt: new Date(entry.endsAt) } : null,
    phase: edition?.currentPhase ?? null,
  };
}

function WindowNotice({
  window,
  state,
}: {
  window: ObjectionWindow | null;
  state: ReturnType<typeof windowState>;
}) {
  const t = useMessages(publicMessages);
  const { locale } = useI18n();
  const zone = browserZone();
  const at = (date: Date) => formatDateTime(date, locale, zone);
  const now = new Date();
  if (state === 'unknown') return <p>{t.windowUnknown}</p>;
  if (state === 'closed') {
    return (
      <Alert tone="warning" title={t.windowClosed}>
        <p>{window ? t.windowClosedAt(at(window.startsAt), at(window.endsAt)) : t.windowNone}</p>
      </Alert>
    );
  }
  return (
    <Alert tone="info">
      <p>
        {state === 'open'
          ? window && now < window.endsAt
            ? t.windowOpen(at(window.endsAt))
            : t.windowOpenNow
          : null}
        {state === 'upcoming'
          ? window && now < window.startsAt
            ? t.windowUpcoming(at(window.startsAt))
            : t.windowNotYet
          : null}
      </p>
    </Alert>
  );
}

function Receipt({ filed, onAnother }: { filed: FiledObjection; onAnother: () => void }) {
  const t = useMessages(publicMessages);
  return (
    <Alert tone="success" title={t.receiptTitle}>
      <p>{t.receiptBody}</p>
      <dl className="summary">
        <dt>{t.receiptNumber}</dt>
        <dd>
          <strong>{filed.objectionId}</strong>
        </dd>
        <dt>{t.receiptFiled}</dt>
        <dd>
          <DateTime value={filed.filedAt} />
        </dd>
        <dt>{t.receiptEvidence}</dt>
        <dd>{filed.evidenceCount}</dd>
      </dl>
      <Button variant="secondary" onClick={onAnother}>
        {t.fileAnother}
      </Button>
    </Alert>
  );
}

function ObjectionForm({
  editionId,
  finalists,
  onFiled,
  onClosed,
}: {
  editionId: string;
  finalists: PublicFinalists['finalists'];
  onFiled: (filed: FiledObjection) => void;
  onClosed: (window: ObjectionWindow | null) => void;
}) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const api = useApi();
  const [proposalId, setProposalId] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [grounds, setGrounds] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<ObjectionProblems>({});
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const draft = { proposalId, name, email, grounds, files };
  const problem = (key: keyof ObjectionProblems) => {
    const found = problems[key];
    return found ? t[found] : undefined;
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = checkObjection(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setError(null);
    setProgress({ loaded: 0, total: 1 });
    try {
      const filed = await publicApi.fileObjection(
        api,
        editionId,
        objectionFormData(draft),
        (loaded, total) => setProgress({ loaded, total }),
      );
      onFiled(filed);
    } catch (reason) {
      if (reason instanceof ApiError && reason.code === 'OBJECTION_WINDOW_CLOSED') {
        onClosed(windowOfClosedError(reason));
      }
      setError(reason);
    } finally {
      setProgress(null);
    }
  };

  const hasProblems = Object.keys(problems).length > 0;
  return (
    <form
      className="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="file-objection"
    >
      <h2 id="file-objection">{t.objectionFormTitle}</h2>
      {hasProblems ? <Alert tone="error">{t.fixErrors}</Alert> : null}
      {error ? <ErrorAlert error={error} codes={codes} /> : null}
      <Select
        label={t.objectionProposal}
        placeholder={t.objectionProposalPick}
        required
        value={proposalId}
        error={problem('proposalId')}
        options={finalists.map((f) => ({
          value: f.proposalId,
          label: `${f.title} — ${f.institutionName ?? ''}`,
        }))}
        onChange={(e) => setProposalId(e.target.value)}
      />
      <Field
        label={t.objectionName}
        required
        autoComplete="name"
        maxLength={200}
        value={name}
        error={problem('name')}
        onChange={(e) => setName(e.target.value)}
      />
      <Field
        label={t.objectionEmail}
        hint={t.objectionEmailHint}
        required
        type="email"
        autoComplete="email"
        maxLength={320}
        value={email}
        error={problem('email')}
        onChange={(e) => setEmail(e.target.value)}
      />
      <TextArea
        label={t.objectionGrounds}
        hint={`${t.objectionGroundsHint(GROUNDS_MIN, GROUNDS_MAX)} ${t.objectionGroundsCount(grounds.trim().length, GROUNDS_MAX)}`}
        required
        rows={8}
        value={grounds}
        error={problem('grounds')}
        onChange={(e) => setGrounds(e.target.value)}
      />
      <Field
        label={t.objectionFiles}
        hint={t.objectionFilesHint(MAX_FILES, MAX_FILE_BYTES / (1024 * 1024))}
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
        error={problem('files')}
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {progress ? (
        <Progress label={t.objectionUploading} value={progress.loaded} max={progress.total} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" busy={progress !== null}>
          {t.objectionSubmit}
        </Button>
      </div>
    </form>
  );
}

function EditionObjections({ editionId }: { editionId: string }) {
  const t = useMessages(publicMessages);
  const codes = useMessages(publicErrorCodes);
  const calendar = useObjectionWindow(editionId);
  const [closedWindow, setClosedWindow] = useState<ObjectionWindow | null>(null);
  const [closed, setClosed] = useState(false);
  const [filed, setFiled] = useState<FiledObjection | null>(null);
  const finalists = useApiQuery(`finalists-${editionId}`, (api, signal) =>
    publicApi.finalists(api, editionId, signal),
  );
  const outcomes = useApiQuery(
    `objections-${editionId}-${filed?.objectionId ?? ''}`,
    (api, signal) => publicApi.objectionOutcomes(api, editionId, signal),
  );
  const window = closedWindow ?? calendar.window;
  const state = closed ? 'closed' : windowState(window, new Date(), calendar.phase);
  const notPublished =
    finalists.error instanceof ApiError && finalists.error.code === 'STAGE_NOT_PUBLISHED';

  return (
    <>
      <WindowNotice window={window} state={state} />
      {finalists.loading ? <Progress label={t.loading} /> : null}
      {notPublished ? <p>{t.noFinalists}</p> : null}
      {finalists.error && !notPublished ? (
        <ErrorAlert error={finalists.error} codes={codes} />
      ) : null}
      {finalists.data ? (
        <Table
          caption={t.finalistsCaption}
          rows={finalists.data.finalists}
          rowKey={(f) => f.proposalId}
          columns={[
            { key: 'title', header: t.resultTitle, rowHeader: true, cell: (f) => f.title },
            { key: 'institution', header: t.institution, cell: (f) => f.institutionName ?? '–' },
            { key: 'group', header: t.awardGroup, cell: (f) => t.group(f.groupId) },
            { key: 'category', header: t.category, cell: (f) => f.categoryId },
          ]}
        />
      ) : null}
      {filed ? <Receipt filed={filed} onAnother={() => setFiled(null)} /> : null}
      {!filed && finalists.data && state !== 'closed' && state !== 'upcoming' ? (
        <ObjectionForm
          editionId={editionId}
          finalists={finalists.data.finalists}
          onFiled={setFiled}
          onClosed={(w) => {
            setClosed(true);
            setClosedWindow(w);
          }}
        />
      ) : null}
      <section aria-labelledby="outcomes">
        <h2 id="outcomes">{t.outcomesCaption}</h2>
        {outcomes.error ? <ErrorAlert error={outcomes.error} codes={codes} /> : null}
        {outcomes.data && outcomes.data.objections.length === 0 ? <p>{t.noOutcomes}</p> : null}
        {outcomes.data && outcomes.data.objections.length > 0 ? (
          <Table
            caption={t.outcomesCaption}
            hideCaption
            rows={outcomes.data.objections}
            rowKey={(o) => o.objectionId}
            columns={[
              {
                key: 'title',
                header: t.resultTitle,
                rowHeader: true,
                cell: (o) => o.proposalTitle,
              },
              { key: 'institution', header: t.institution, cell: (o) => o.institutionName ?? '–' },
              {
                key: 'filed',
                header: t.outcomeFiled,
                cell: (o) => <DateTime value={o.filedAt} dateOnly />,
              },
              { key: 'status', header: t.outcomeStatus, cell: (o) => t.outcome(o.status) },
              { key: 'reason', header: t.outcomeReason, cell: (o) => o.reason ?? '–' },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}

export default function ObjectionPage() {
  const t = useMessages(publicMessages);
  const { editionId } = useParams();
  const valid = editionId !== undefined && EDITION_ID.test(editionId);
  usePageTitle(valid ? t.objectionPageTitle(editionId) : t.objectionTitle);
  return (
    <section className="page">
      <h1>{valid ? t.objectionPageTitle(editionId) : t.objectionTitle}</h1>
      <p className="lead">{t.objectionLead}</p>
      {valid ? <EditionObjections key={editionId} editionId={editionId} /> : <EditionChooser />}
    </section>
  );
}
