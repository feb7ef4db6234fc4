import { codeMessages } from '../../api/code-messages';
import {
  Notice,
  checkName,
  Deadline,
  EligibilityList,
  HistoryTable,
  lastReturnComment,
  StatusTag,
  useClockTime,
  useEditions,
  useInstitution,
} from './proposal-parts';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import { useAction } from '../../api/use-action';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime, formatDateTime } from '../../ui/date-time';
import { Dialog } from '../../ui/dialog';
import { Checkbox, Field, TextArea } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { ConflictPanel } from './conflict-panel';
import { useNow } from './deadline';
import { countWords } from './draft-content';
import { EvidenceSection } from './evidence-section';
import { operatorMessages, type OperatorText } from './messages';
import {
  EDITABLE_STATUSES,
  proposalApi,
  submissionClose,
  type EligibilityCheck,
  type Proposal,
} from './proposal-api';
import { useAutosave, type EditorState } from './use-autosave';

function SaveStatus({ state }: { state: EditorState }) {
  const t = useMessages(operatorMessages);
  const clock = useClockTime();
  const text =
    state.status === 'saving'
      ? t.saveStatusSaving
      : state.status === 'dirty'
        ? t.saveStatusDirty
        : state.status === 'error'
          ? t.saveStatusError
          : state.status === 'conflict'
            ? t.saveStatusConflict
            : state.savedAt
              ? t.saveStatusSaved(clock(state.savedAt))
              : t.saveStatusClean;
  return (
    <p className="save-status" role="status">
      {text}
    </p>
  );
}

/** Failing checks a refused submit names in its details. */
function failingChecks(error: unknown): readonly EligibilityCheck[] {
  if (!(error instanceof ApiError) || error.code !== 'PROPOSAL_NOT_READY') return [];
  const details = error.details as { failing?: unknown } | null | undefined;
  return Array.isArray(details?.failing) ? (details.failing as EligibilityCheck[]) : [];
}

function NotReady({ t, checks }: { t: OperatorText; checks: readonly EligibilityCheck[] }) {
  if (checks.length === 0) return null;
  return (
    <Alert tone="error" title={t.notReady}>
      <ul>
        {checks.map((check) => (
          <li key={check.check}>
            {checkName(t, check.check)}: {check.detail}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function SourceInnovations({
  value,
  onChange,
  disabled,
}: {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
}) {
  const t = useMessages(operatorMessages);
  const [text, setText] = useState(value.join(', '));
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">{t.sourceHeading}</h2>
      <Field
        label={t.sourceLabel}
        hint={t.sourceHint}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onBlur={() =>
          onChange(
            text
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          )
        }
      />
    </section>
  );
}

function Editor({ initial, reload }: { initial: Proposal; reload: () => Promise<Proposal> }) {
  const t = useMessages(operatorMessages);
  const { locale } = useI18n();
  const api = useApi();
  const now = useNow();
  const { byId } = useEditions();
  const { zone } = useInstitution();
  const autosave = useAutosave({
    proposal: initial,
    save: (revision, changes) => proposalApi.save(api, initial.proposalId, revision, changes),
    load: reload,
    storage: globalThis.localStorage,
    editable: EDITABLE_STATUSES.includes(initial.status),
  });
  const { state } = autosave;
  const proposal = state.server;
  const draft = state.draft;
  const editable = EDITABLE_STATUSES.includes(proposal.status);
  const edition = byId.get(proposal.editionId);
  const group = edition?.configuration.groups.find((g) => g.groupId === proposal.groupId);
  const close = submissionClose(edition);
  const returned = lastReturnComment(proposal.status, proposal.transitions);
  const [agree, setAgree] = useState(false);
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  usePageTitle(draft.title || t.title);

  const refresh = async () => autosave.rebase(await reload());
  const act = (work: () => Promise<Proposal>, done: string) =>
    action.run(async () => {
      setNotice(null);
      if (!(await autosave.flush())) return;
      autosave.rebase(await work());
      setNotice(done);
    });

  const warnings = proposal.eligibility.filter((check) => check.outcome !== 'pass').length;

  return (
    <section>
      <p>
        <Link to="/operator">{t.title}</Link>
      </p>
      <h1>{draft.title}</h1>
      <dl className="summary">
        <dt>{t.colStatus}</dt>
        <dd>
          <StatusTag status={proposal.status} />
        </dd>
        <dt>{t.colEdition}</dt>
        <dd>{edition?.configuration.name ?? proposal.editionId}</dd>
        <dt>{t.colGroup}</dt>
        <dd>{group?.name[locale] ?? proposal.groupId}</dd>
        <dt>{t.closesAt}</dt>
        <dd>
          <Deadline close={close} zone={zone} now={now} />
        </dd>
      </dl>
      {editable ? <SaveStatus state={state} /> : <Alert tone="info">{t.readOnly}</Alert>}
      {state.status === 'error' && state.error ? (
        <ErrorAlert error={state.error} codes={codeMessages(t)} />
      ) : null}
      {returned?.comment ? (
        <Alert tone="warning" title={t.returnedComment}>
          <p className="preserve-lines">{returned.comment}</p>
        </Alert>
      ) : null}
      {state.status === 'conflict' && state.theirs ? (
        <ConflictPanel mine={draft} theirs={state.theirs} onResolve={autosave.resolve} />
      ) : null}

      <form className="form" noValidate onSubmit={(event) => event.preventDefault()}>
        <Field
          label={t.fieldTitle}
          required
          maxLength={300}
          value={draft.title}
          disabled={!editable}
          onChange={(event) => {
            const title = event.target.value;
            autosave.edit((d) => ({ ...d, title }));
          }}
        />
        <Field
          label={t.fieldStartDate}
          hint={t.fieldStartDateHint}
          type="date"
          value={draft.innovationStartDate ?? ''}
          disabled={!editable}
          onChange={(event) => {
            const date = event.target.value || null;
            autosave.edit((d) => ({ ...d, innovationStartDate: date }));
          }}
        />
        <h2>{t.sectionsHeading}</h2>
        {proposal.sections.map((section) => {
          const text = draft.sections[section.sectionId] ?? '';
          const words = countWords(text);
          const over = words - section.wordLimit;
          return (
            <TextArea
              key={section.sectionId}
              label={section.title[locale]}
              required={section.required}
              rows={8}
              value={text}
              disabled={!editable}
              hint={t.wordCount(words, section.wordLimit)}
              error={over > 0 ? t.wordsOver(over) : undefined}
              onChange={(event) => {
                const value = event.target.value;
                autosave.edit((d) => ({
                  ...d,
                  sections: { ...d.sections, [section.sectionId]: value },
                }));
              }}
            />
          );
        })}
        <fieldset className="fieldset">
          <legend>{t.sdgHeading}</legend>
          {proposal.sdgTargets.available.length === 0 ? <p>{t.sdgNone}</p> : null}
          {proposal.sdgTargets.available.map((target) => (
            <Checkbox
              key={target}
              label={target}
              checked={draft.sdgTargets.includes(target)}
              disabled={!editable}
              onChange={(event) => {
                const on = event.target.checked;
                autosave.edit((d) => ({
                  ...d,
                  sdgTargets: proposal.sdgTargets.available.filter((x) =>
                    x === target ? on : d.sdgTargets.includes(x),
                  ),
                }));
              }}
            />
          ))}
        </fieldset>
        {group?.eligibility.requiresSourceInnovation || draft.sourceInnovationIds.length > 0 ? (
          <SourceInnovations
            value={draft.sourceInnovationIds}
            disabled={!editable}
            onChange={(ids) => autosave.edit((d) => ({ ...d, sourceInnovationIds: ids }))}
          />
        ) : null}
        {editable ? (
          <div className="form-actions">
            <Button
              variant="secondary"
              busy={state.status === 'saving'}
              onClick={() => void autosave.flush()}
            >
              {t.saveNow}
            </Button>
          </div>
        ) : null}
      </form>

      <EvidenceSection
        proposal={proposal}
        edition={edition}
        editable={editable}
        beforeChange={autosave.flush}
        afterChange={refresh}
      />

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t.checksHeading}</h2>
        {warnings > 0 ? (
          <Alert tone="warning">
            <p>{t.checksWarning(warnings)}</p>
          </Alert>
        ) : null}
        <EligibilityList checks={proposal.eligibility} checkedAt={proposal.eligibilityCheckedAt} />
      </section>

      {edition?.configuration.form.requiresIntegrityDeclaration !== false ? (
        <section aria-labelledby="declaration-heading">
          <h2 id="declaration-heading">{t.declarationHeading}</h2>
          <p>{t.declarationText}</p>
          {proposal.integrityDeclaration ? (
            <p>
              {t.declarationSigned(
                proposal.integrityDeclaration.signedBy,
                formatDateTime(proposal.integrityDeclaration.signedAt, locale, zone),
              )}
            </p>
          ) : null}
          {editable && !proposal.integrityDeclaration ? (
            <>
              <Checkbox
                label={t.declarationAgree}
                checked={agree}
                onChange={(event) => setAgree(event.target.checked)}
              />
              <Button
                disabled={!agree}
                busy={action.busy}
                onClick={() =>
                  void act(
                    () =>
                      proposalApi.signDeclaration(api, proposal.proposalId, autosave.revision()),
                    t.declarationDone,
                  )
                }
              >
                {t.declarationSign}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}

      {editable ? (
        <section aria-labelledby="submit-heading">
          <h2 id="submit-heading">{t.submitHeading}</h2>
          <p>{t.submitHint}</p>
          <div className="form-actions">
            <Button
              busy={action.busy}
              onClick={() =>
                void act(() => proposalApi.submit(api, proposal.proposalId), t.submitted)
              }
            >
              {t.submit}
            </Button>
          </div>
        </section>
      ) : null}
      <Notice text={notice} />
      <NotReady t={t} checks={failingChecks(action.error)} />
      {action.error ? <ErrorAlert error={action.error} codes={codeMessages(t)} /> : null}

      {proposal.status !== 'withdrawn' ? (
        <div className="form-actions">
          <Button variant="danger" onClick={() => setConfirmWithdraw(true)}>
            {t.withdraw}
          </Button>
        </div>
      ) : null}
      <Dialog
        open={confirmWithdraw}
        title={t.withdrawTitle}
        onClose={() => setConfirmWithdraw(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirmWithdraw(false)}>
              {t.cancel}
            </Button>
            <Button
              variant="danger"
              busy={action.busy}
              onClick={() => {
                setConfirmWithdraw(false);
                void act(() => proposalApi.withdraw(api, proposal.proposalId), t.withdrawn);
              }}
            >
              {t.withdrawConfirm}
            </Button>
          </>
        }
      >
        <p>{t.withdrawText}</p>
      </Dialog>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.historyHeading}</h2>
        <HistoryTable transitions={proposal.transitions} />
        <p className="field-hint">
          {t.colSince}: <DateTime value={proposal.statusSince} zone={zone} />
        </p>
      </section>
    </section>
  );
}

/** The proposal editor of the unit: the edition's form, autosave, evidence, checks, submit. */
export default function EditorPage() {
  const t = useMessages(operatorMessages);
  const api = useApi();
  const { proposalId = '' } = useParams();
  const query = useApiQuery(`proposal:${proposalId}`, (client, signal) =>
    proposalApi.get(client, proposalId, signal),
  );
  if (query.error && !query.data) {
    return (
      <section>
        <h1>{t.title}</h1>
        <ErrorAlert error={query.error} codes={codeMessages(t)} />
      </section>
    );
  }
  if (!query.data) {
    return (
      <section>
        <h1>{t.title}</h1>
        <Progress label={t.editorLoading} />
      </section>
    );
  }
  return (
    <Editor
      key={query.data.proposalId}
      initial={query.data}
      reload={() => proposalApi.get(api, proposalId)}
    />
  );
}
