import { codeMessages } from '../../api/code-messages';
import { Notice, DownloadButton, localized, useDownload } from './proposal-parts';
import { useState } from 'react';
import { useApi } from '../../api/api-context';
import { localeTag, useI18n, useMessages } from '../../i18n';
import { ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Progress } from '../../ui/progress';
import { checkFile, formatBytes, typeNames, type FileProblem } from './evidence-check';
import { operatorMessages, type OperatorText } from './messages';
import { proposalApi, type EditionSummary, type EvidenceSlot, type Proposal } from './proposal-api';

export function fileProblemText(t: OperatorText, problem: FileProblem, locale: string): string {
  switch (problem.kind) {
    case 'empty':
      return t.fileEmpty;
    case 'too-large':
      return t.fileTooLarge(formatBytes(problem.maxSizeBytes, locale));
    case 'type':
      return t.fileType(typeNames(problem.allowedTypes));
  }
}

interface Upload {
  readonly name: string;
  readonly loaded: number;
  readonly total: number;
}

function Slot({
  proposal,
  slot,
  title,
  editable,
  beforeChange,
  afterChange,
}: {
  proposal: Proposal;
  slot: EvidenceSlot;
  title: string;
  editable: boolean;
  beforeChange: () => Promise<boolean>;
  afterChange: () => Promise<void>;
}) {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  const api = useApi();
  const files = useDownload();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const inputId = `evidence-${slot.evidenceId}`;
  const tag = localeTag(locale);

  const send = async () => {
    setNotice(null);
    setError(null);
    if (!file) {
      setProblem(t.chooseFile);
      return;
    }
    const found = checkFile(file, slot);
    if (found) {
      setProblem(fileProblemText(t, found, tag));
      return;
    }
    setProblem(null);
    if (!(await beforeChange())) return;
    setUpload({ name: file.name, loaded: 0, total: file.size });
    try {
      await proposalApi.uploadEvidence(
        api,
        proposal.proposalId,
        slot.evidenceId,
        file,
        (loaded, total) => setUpload({ name: file.name, loaded, total: total || file.size }),
      );
      setNotice(t.uploaded(file.name));
      setFile(null);
      await afterChange();
    } catch (reason) {
      setError(reason);
    } finally {
      setUpload(null);
    }
  };

  const remove = async (name: string) => {
    setNotice(null);
    setError(null);
    if (!(await beforeChange())) return;
    setDeleting(true);
    try {
      await proposalApi.deleteEvidence(api, proposal.proposalId, slot.evidenceId);
      setNotice(t.deleted(name));
      await afterChange();
    } catch (reason) {
      setError(reason);
    } finally {
      setDeleting(false);
    }
  };

  return (
    <li className="evidence-slot">
      <h3>
        {title}{' '}
        <span className={slot.required ? 'tag tag-strong' : 'tag'}>
          {slot.required ? t.evidenceRequired : t.evidenceOptional}
        </span>
      </h3>
      <p className="field-hint">
        {t.evidenceRules(typeNames(slot.allowedTypes), formatBytes(slot.maxSizeBytes, tag))}
      </p>
      {slot.uploaded.length === 0 ? (
        <p>{t.evidenceNone}</p>
      ) : (
        <ul className="file-list">
          {slot.uploaded.map((uploaded) => (
            <li key={uploaded.fileId}>
              <span>
                {uploaded.filename} ({formatBytes(uploaded.sizeBytes, tag)})
              </span>{' '}
              <DownloadButton
                files={files}
                path={proposalApi.evidencePath(proposal.proposalId, uploaded.fileId)}
                filename={uploaded.filename}
                label={t.download(uploaded.filename)}
              />
              {editable ? (
                <Button
                  variant="danger"
                  busy={deleting}
                  onClick={() => void remove(uploaded.filename)}
                >
                  {t.deleteFile(uploaded.filename)}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div className="upload-row">
          <div className={problem ? 'field field-invalid' : 'field'}>
            <label htmlFor={inputId} className="field-label">
              {t.evidenceFile(title)}
            </label>
            <input
              id={inputId}
              type="file"
              className="input"
              accept={slot.allowedTypes.join(',')}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${inputId}-error` : undefined}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setProblem(null);
              }}
            />
            {problem ? (
              <p id={`${inputId}-error`} className="field-error">
                {problem}
              </p>
            ) : null}
          </div>
          <Button variant="secondary" busy={upload !== null} onClick={() => void send()}>
            {t.upload}
          </Button>
        </div>
      ) : null}
      {upload ? (
        <Progress label={t.uploading(upload.name)} value={upload.loaded} max={upload.total || 1} />
      ) : null}
      <Notice text={notice} />
      {error ? <ErrorAlert error={error} codes={codeMessages(t)} /> : null}
      {files.error ? <ErrorAlert error={files.error} codes={codeMessages(t)} /> : null}
    </li>
  );
}

/** Every evidence requirement of the proposal's group, its files, and upload with progress. */
export function EvidenceSection({
  proposal,
  edition,
  editable,
  beforeChange = () => Promise.resolve(true),
  afterChange = () => Promise.resolve(),
}: {
  proposal: Proposal;
  edition: EditionSummary | undefined;
  editable: boolean;
  beforeChange?: () => Promise<boolean>;
  afterChange?: () => Promise<void>;
}) {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  return (
    <section aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t.evidenceHeading}</h2>
      <ul className="evidence-list">
        {proposal.evidence.map((slot) => (
          <Slot
            key={slot.evidenceId}
            proposal={proposal}
            slot={slot}
            title={localized(
              edition?.configuration.form.evidence.find((e) => e.evidenceId === slot.evidenceId)
                ?.title,
              locale,
              slot.evidenceId,
            )}
            editable={editable}
            beforeChange={beforeChange}
            afterChange={afterChange}
          />
        ))}
      </ul>
    </section>
  );
}
