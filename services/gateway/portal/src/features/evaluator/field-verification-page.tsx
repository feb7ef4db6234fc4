import { useState } from 'react';
import { codeMessages } from '../../api/code-messages';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { formatDateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Field, Select, TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table } from '../../ui/table';
import { useDownload } from '../operator/proposal-parts';
import { evaluatorApi, type FieldVerification } from './evaluator-api';
import { EMPTY_VISIT, photoProblem, visitBody, type VisitForm } from './field-verification';
import { evaluatorMessages } from './messages';
import { EditionSelect, useEditionChoice } from './shared';

function PhotoUpload({
  visit,
  label,
  onUploaded,
}: {
  visit: FieldVerification;
  label: string;
  onUploaded: () => void;
}) {
  const t = useMessages(evaluatorMessages);
  const api = useApi();
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(
    null,
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();

  const upload = async (file: File) => {
    setDone(null);
    const issue = photoProblem(file);
    if (issue) {
      setProblem(issue === 'type' ? t.PHOTO_TYPE_NOT_ALLOWED : t.photoTooLarge);
      return;
    }
    setProblem(null);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    const ok = await action.run(async () => {
      await evaluatorApi.uploadFieldPhoto(api, visit.id, file, (loaded, total) =>
        setProgress({ name: file.name, loaded, total }),
      );
    });
    setProgress(null);
    if (ok) {
      setDone(t.photoUploaded(file.name));
      onUploaded();
    }
  };

  return (
    <div>
      <Field
        type="file"
        label={label}
        hint={t.photoHint}
        accept="image/jpeg,image/png"
        error={problem ?? undefined}
        disabled={action.busy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      {progress ? (
        <Progress
          label={t.uploading(progress.name)}
          value={progress.loaded}
          max={progress.total || 1}
        />
      ) : null}
      {done ? (
        <Alert tone="success">
          <p>{done}</p>
        </Alert>
      ) : null}
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
    </div>
  );
}

/** Field visits to a finalist: what the team found, with photos; a new visit recorded here. */
export default function FieldVerificationPage() {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  usePageTitle(t.fieldTitle);
  const api = useApi();
  const choice = useEditionChoice();
  const editionId = choice.editionId;
  const finalists = useApiQuery(editionId ? `finalists:${editionId}` : null, (a, signal) =>
    evaluatorApi.currentFinalists(a, editionId ?? '', signal),
  );
  const [proposalId, setProposalId] = useState('');
  const visits = useApiQuery(proposalId ? `visits:${proposalId}` : null, (a, signal) =>
    evaluatorApi.fieldVerifications(a, proposalId, signal),
  );
  const [form, setForm] = useState<VisitForm>(EMPTY_VISIT);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  const download = useDownload();
  const body = visitBody(form);
  const editions = choice.editions.data?.editions ?? [];
  const list = finalists.data?.finalists ?? [];
  const dateText = (date: string) =>
    formatDateTime(`${date}T05:00:00Z`, locale, 'WIB', { dateOnly: true });

  const record = async () => {
    setTried(true);
    setSaved(false);
    if (!body || !proposalId) return;
    const ok = await action.run(async () => {
      await evaluatorApi.recordFieldVerification(api, proposalId, body);
    });
    if (ok) {
      setForm(EMPTY_VISIT);
      setTried(false);
      setSaved(true);
      visits.reload();
    }
  };

  return (
    <section>
      <h1>{t.fieldTitle}</h1>
      <div className="toolbar">
        {editions.length > 0 ? (
          <EditionSelect
            label={t.edition}
            editions={editions}
            value={editionId}
            onChange={(id) => {
              setProposalId('');
              choice.choose(id);
            }}
          />
        ) : null}
        {list.length > 0 ? (
          <Select
            label={t.finalist}
            value={proposalId}
            placeholder={t.chooseFinalist}
            onChange={(event) => {
              setSaved(false);
              setProposalId(event.target.value);
            }}
            options={list.map((f) => ({
              value: f.proposalId,
              label: f.institutionName ? `${f.title} — ${f.institutionName}` : f.title,
            }))}
          />
        ) : null}
      </div>
      {choice.editions.error ? <ErrorAlert error={choice.editions.error} /> : null}
      {download.error ? <ErrorAlert error={download.error} codes={codeMessages(t)} /> : null}
      {finalists.error ? <ErrorAlert error={finalists.error} codes={codeMessages(t)} /> : null}
      {choice.editions.data && editions.length === 0 ? <EmptyState title={t.noEditions} /> : null}
      {finalists.loading ? <Progress label={t.loading} /> : null}
      {finalists.data && list.length === 0 ? <EmptyState title={t.emptyPanel} /> : null}
      {proposalId ? (
        <>
          {visits.error ? <ErrorAlert error={visits.error} codes={codeMessages(t)} /> : null}
          {visits.loading && !visits.data ? (
            <Progress label={t.loading} />
          ) : visits.data && visits.data.length === 0 ? (
            <EmptyState title={t.noVisits} />
          ) : visits.data ? (
            <>
              <Table
                caption={t.visitsCaption}
                columns={[
                  {
                    key: 'date',
                    header: t.colVisitedOn,
                    rowHeader: true,
                    cell: (v) => dateText(v.visitedOn),
                  },
                  { key: 'team', header: t.colTeam, cell: (v) => v.team.join(', ') },
                  {
                    key: 'recommendation',
                    header: t.colRecommendation,
                    cell: (v) =>
                      v.recommendation === 'confirmed'
                        ? t.recommendation_confirmed
                        : v.recommendation === 'concerns'
                          ? t.recommendation_concerns
                          : t.recommendation_none,
                  },
                  {
                    key: 'photos',
                    header: t.colPhotos,
                    numeric: true,
                    cell: (v) => formatNumber(locale, v.photos.length),
                  },
                ]}
                rows={visits.data}
                rowKey={(v) => v.id}
              />
              {visits.data.map((visit) => (
                <section
                  key={visit.id}
                  className="panel"
                  aria-label={t.findingsOf(dateText(visit.visitedOn))}
                >
                  <h2>{t.findingsOf(dateText(visit.visitedOn))}</h2>
                  <p className="preserve-lines">{visit.findings}</p>
                  {visit.photos.length > 0 ? (
                    <ul>
                      {visit.photos.map((photo) => (
                        <li key={photo.fileId}>
                          <Button
                            variant="link"
                            busy={
                              download.busy === evaluatorApi.fieldPhotoPath(visit.id, photo.fileId)
                            }
                            onClick={() =>
                              void download.download(
                                evaluatorApi.fieldPhotoPath(visit.id, photo.fileId),
                                photo.filename,
                              )
                            }
                          >
                            {t.downloadPhoto(photo.filename)}
                          </Button>{' '}
                          ({formatNumber(locale, photo.sizeBytes / 1024, 0)} KB)
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <PhotoUpload
                    visit={visit}
                    label={t.addPhoto(dateText(visit.visitedOn))}
                    onUploaded={visits.reload}
                  />
                </section>
              ))}
            </>
          ) : null}
          <form
            className="form panel"
            noValidate
            aria-labelledby="new-visit"
            onSubmit={(event) => {
              event.preventDefault();
              void record();
            }}
          >
            <h2 id="new-visit">{t.newVisit}</h2>
            <Field
              type="date"
              label={t.visitedOn}
              required
              value={form.visitedOn}
              onChange={(event) => setForm({ ...form, visitedOn: event.target.value })}
            />
            <TextArea
              label={t.team}
              hint={t.teamHint}
              required
              rows={3}
              value={form.team}
              onChange={(event) => setForm({ ...form, team: event.target.value })}
            />
            <TextArea
              label={t.findings}
              required
              rows={6}
              maxLength={20_000}
              value={form.findings}
              onChange={(event) => setForm({ ...form, findings: event.target.value })}
            />
            <Select
              label={t.recommendation}
              value={form.recommendation}
              placeholder={t.recommendation_none}
              onChange={(event) => {
                const value = event.target.value;
                setForm({
                  ...form,
                  recommendation: value === 'confirmed' || value === 'concerns' ? value : '',
                });
              }}
              options={[
                { value: 'confirmed', label: t.recommendation_confirmed },
                { value: 'concerns', label: t.recommendation_concerns },
              ]}
            />
            {tried && !body ? (
              <Alert tone="error">
                <p>{t.visitRequired}</p>
              </Alert>
            ) : null}
            {saved ? (
              <Alert tone="success">
                <p>{t.visitRecorded}</p>
              </Alert>
            ) : null}
            {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}
            <div className="form-actions">
              <Button type="submit" busy={action.busy}>
                {t.recordVisit}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
