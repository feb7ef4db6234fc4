import { codeMessages } from '../../api/code-messages';
import type { Locale, RubricCriterion, TimeZone } from '@kipp/contracts';
import { useState } from 'react';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DateTime, formatDateTime } from '../../ui/date-time';
import { Dialog } from '../../ui/dialog';
import { Field, TextArea } from '../../ui/field';
import { Table } from '../../ui/table';
import type { ScoreSheet, SheetAddress } from './evaluator-api';
import { evaluatorMessages, type EvaluatorText } from './messages';
import {
  contribution,
  parseScore,
  runningTotal,
  scoringClosed,
  submitIssues,
  type CriterionIssue,
  type SaveState,
} from './scoring';
import { useSheetEditor } from './use-sheet-editor';

function issueText(t: EvaluatorText, issue: CriterionIssue, scale: ScoreSheet['rubric']['scale']) {
  switch (issue) {
    case 'not-a-number':
      return t.problem_notANumber;
    case 'out-of-scale':
      return t.problem_outOfScale(scale.min, scale.max);
    case 'score-required':
      return t.problem_scoreRequired;
    case 'comment-required':
      return t.problem_commentRequired;
  }
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const text =
    state.kind === 'idle'
      ? t.save_idle
      : state.kind === 'dirty'
        ? t.save_dirty
        : state.kind === 'saving'
          ? t.save_saving
          : state.kind === 'saved'
            ? t.save_saved(
                new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
                  hour: '2-digit',
                  minute: '2-digit',
                  second: '2-digit',
                }).format(state.at),
              )
            : null;
  if (state.kind === 'conflict') {
    return (
      <Alert tone="warning">
        <p>{t.save_conflict}</p>
      </Alert>
    );
  }
  if (state.kind === 'error') {
    return <ErrorAlert error={state.error} codes={codeMessages(t)} title={t.save_error} />;
  }
  return (
    <p className="field-hint" role="status">
      {text}
    </p>
  );
}

/** Guidance longer than this, or of more than one paragraph, is folded behind a disclosure. */
export const GUIDANCE_FOLD_LENGTH = 240;

/**
 * Each criterion's guidance in one language, by criterion id, from the edition's rubric;
 * criteria without guidance are left out.
 */
export function guidanceByCriterion(
  criteria: readonly RubricCriterion[] | undefined,
  locale: Locale,
): ReadonlyMap<string, string> {
  return new Map(
    (criteria ?? []).flatMap(({ criterionId, guidance }) =>
      guidance ? [[criterionId, guidance[locale]] as const] : [],
    ),
  );
}

/** What the secretariat means by a criterion, under its name: short text open, long folded. */
function CriterionGuidance({ name, text }: { name: string; text: string | undefined }) {
  const t = useMessages(evaluatorMessages);
  if (!text?.trim()) return null;
  const paragraph = <p className="field-hint preserve-lines">{text}</p>;
  if (text.length <= GUIDANCE_FOLD_LENGTH && !text.includes('\n')) return paragraph;
  return (
    <details>
      <summary>{t.guidanceSummary(name)}</summary>
      {paragraph}
    </details>
  );
}

/** The sheet once submitted (or after the deadline): scores and comments, no inputs. */
function ReadOnlySheet({
  sheet,
  criterionName,
}: {
  sheet: ScoreSheet;
  criterionName: (id: string) => string;
}) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const byId = new Map(sheet.criteria.map((c) => [c.criterionId, c]));
  return (
    <Table
      caption={t.rubricHeading}
      columns={[
        {
          key: 'name',
          header: t.rubricHeading,
          rowHeader: true,
          cell: (c) => criterionName(c.criterionId),
        },
        {
          key: 'weight',
          header: t.colWeight,
          numeric: true,
          cell: (c) => `${formatNumber(locale, c.weight)}%`,
        },
        {
          key: 'score',
          header: t.colScore,
          numeric: true,
          cell: (c) => {
            const entry = byId.get(c.criterionId);
            return entry ? formatNumber(locale, entry.score) : '—';
          },
        },
        {
          key: 'comment',
          header: t.colComment,
          cell: (c) => (
            <span className="preserve-lines">{byId.get(c.criterionId)?.comment || '—'}</span>
          ),
        },
      ]}
      rows={sheet.rubric.criteria}
      rowKey={(c) => c.criterionId}
    />
  );
}

/**
 * The scoring form: each rubric criterion with its weight and range, a score and a comment,
 * the weighted total as it stands, autosave, submit with confirmation, and a read-only view
 * once submitted (revisable until the deadline; saving a submitted sheet reopens it).
 */
export function ScoreForm({
  address,
  initial,
  criterionName,
  criterionGuidance = () => undefined,
  zone,
  now = () => new Date(),
}: {
  address: SheetAddress;
  initial: ScoreSheet;
  criterionName: (criterionId: string) => string;
  /** The criterion's guidance in the page's language, if the edition gives it. */
  criterionGuidance?: (criterionId: string) => string | undefined;
  zone: TimeZone;
  now?: () => Date;
}) {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  const closed = scoringClosed(initial.deadline, now());
  const [mode, setMode] = useState<'edit' | 'view'>(
    initial.status === 'submitted' ? 'view' : 'edit',
  );
  const showForm = !closed && mode === 'edit';
  const editor = useSheetEditor(address, initial, showForm);
  const { sheet, draft, saveState } = editor;
  const [showIssues, setShowIssues] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const scale = sheet.rubric.scale;
  const total = runningTotal(draft, sheet.rubric);
  const issues = submitIssues(draft, sheet.rubric);
  const issueCount = Object.keys(issues).length;
  const codes = codeMessages(t);
  const show = (value: number | null) => (value === null ? '—' : formatNumber(locale, value));

  const askSubmit = () => {
    setShowIssues(true);
    setSubmitError(null);
    if (issueCount === 0) setConfirming(true);
  };

  const doSubmit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await editor.submit();
      setConfirming(false);
      setMode('view');
    } catch (error) {
      setConfirming(false);
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="score-form-heading" className="score-form">
      <h2 id="score-form-heading">{t.rubricHeading}</h2>
      <p>
        {t.deadline}:{' '}
        {sheet.deadline ? <DateTime value={sheet.deadline} zone={zone} /> : t.noDeadline}
      </p>
      {closed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : null}
      {sheet.status === 'submitted' && !showForm ? (
        <Alert tone="success" title={t.submittedTitle}>
          <p>
            {t.submittedBody(
              show(sheet.submittedWeightedScore),
              sheet.submittedAt ? formatDateTime(sheet.submittedAt, locale, zone) : '—',
            )}
          </p>
        </Alert>
      ) : null}
      {sheet.status === 'draft' && sheet.submissions > 0 ? (
        <Alert tone="warning">
          <p>{t.submittedReopened}</p>
        </Alert>
      ) : null}
      {!showForm ? (
        <>
          <ReadOnlySheet sheet={sheet} criterionName={criterionName} />
          {!closed && sheet.status === 'submitted' ? (
            <Button variant="secondary" onClick={() => setMode('edit')}>
              {t.revise}
            </Button>
          ) : null}
        </>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            askSubmit();
          }}
        >
          {sheet.rubric.criteria.map(({ criterionId, weight }) => {
            const name = criterionName(criterionId);
            const entry = draft[criterionId] ?? { score: '', comment: '' };
            const parsed = parseScore(entry.score, scale);
            const issue = issues[criterionId];
            const scoreIssue =
              parsed.kind === 'invalid'
                ? issueText(t, parsed.problem, scale)
                : showIssues && issue === 'score-required'
                  ? issueText(t, issue, scale)
                  : undefined;
            const commentIssue =
              showIssues && issue === 'comment-required' ? issueText(t, issue, scale) : undefined;
            const points = contribution(entry, weight, sheet.rubric);
            return (
              <fieldset key={criterionId} className="criterion">
                <legend>
                  {name} <span className="tag">{t.weight(weight)}</span>
                </legend>
                <CriterionGuidance name={name} text={criterionGuidance(criterionId)} />
                <Field
                  label={t.scoreLabel(name)}
                  hint={t.scaleHint(scale.min, scale.max)}
                  inputMode="decimal"
                  autoComplete="off"
                  required
                  value={entry.score}
                  error={scoreIssue}
                  onChange={(event) => editor.edit(criterionId, { score: event.target.value })}
                />
                <TextArea
                  label={t.commentLabel(name)}
                  hint={t.commentHint}
                  required
                  rows={3}
                  maxLength={5000}
                  value={entry.comment}
                  error={commentIssue}
                  onChange={(event) => editor.edit(criterionId, { comment: event.target.value })}
                />
                {points !== null && parsed.kind === 'valid' ? (
                  <p className="field-hint">
                    {t.criterionWeighted(show(parsed.value), show(points))}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <div className="panel" aria-live="polite">
            <h3>{t.totalHeading}</h3>
            <p>{total.weighted === null ? t.totalNone : t.totalValue(show(total.weighted))}</p>
            <p>{t.totalScored(total.scored, total.total)}</p>
          </div>
          <SaveStatus state={saveState} />
          {showIssues && issueCount > 0 ? (
            <Alert tone="error">
              <p>{t.fixBeforeSubmit(issueCount)}</p>
            </Alert>
          ) : null}
          {submitError ? <ErrorAlert error={submitError} codes={codes} /> : null}
          <div className="form-actions">
            {saveState.kind === 'conflict' ? (
              <Button variant="secondary" onClick={() => void editor.reload()}>
                {t.reload}
              </Button>
            ) : (
              <Button
                variant="secondary"
                busy={saveState.kind === 'saving'}
                onClick={() => void editor.save()}
              >
                {t.save}
              </Button>
            )}
            <Button type="submit" disabled={saveState.kind === 'conflict'}>
              {t.submit}
            </Button>
          </div>
        </form>
      )}
      {sheet.audit.length > 0 ? (
        <section aria-labelledby="sheet-history">
          <h3 id="sheet-history">{t.historyHeading}</h3>
          <Table
            caption={t.historyCaption}
            hideCaption
            columns={[
              {
                key: 'action',
                header: t.colAction,
                rowHeader: true,
                cell: (entry) =>
                  entry.action === 'submitted'
                    ? t.action_submitted
                    : entry.action === 'reopened'
                      ? t.action_reopened
                      : t.action_saved,
              },
              {
                key: 'at',
                header: t.colAt,
                cell: (entry) => <DateTime value={entry.at} zone={zone} />,
              },
              {
                key: 'score',
                header: t.colScore,
                numeric: true,
                cell: (entry) => show(entry.weightedScore),
              },
            ]}
            rows={[...sheet.audit].reverse()}
            rowKey={(entry) => `${entry.at}-${entry.action}`}
          />
        </section>
      ) : null}
      <Dialog
        open={confirming}
        title={t.confirmTitle}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t.cancel}
            </Button>
            <Button busy={submitting} onClick={() => void doSubmit()}>
              {t.confirmSubmit}
            </Button>
          </>
        }
      >
        <p>{t.confirmBody(show(total.weighted))}</p>
      </Dialog>
    </section>
  );
}
