import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { formatNumber, useI18n, useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { BarChart } from '../../../ui/charts/bar-chart';
import { DateTime } from '../../../ui/date-time';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Select, TextArea } from '../../../ui/field';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import { assignmentMessages } from './assignment-messages';
import {
  assignmentApi,
  reviewerNames,
  type Assignment,
  type AssignmentRun,
} from './evaluation-api';
import { useProposalDirectory } from './proposal-titles';

function RevokeDialog({
  assignment,
  title,
  nameOf,
  onClose,
  onDone,
}: {
  assignment: Assignment;
  title: string;
  nameOf: (id: string) => string;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const t = useMessages(assignmentMessages);
  const api = useApi();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const short = reason.trim().length < 3;
  return (
    <Dialog
      open
      title={t.revokeTitle(title)}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button
            variant="danger"
            busy={action.busy}
            onClick={() => {
              setTouched(true);
              if (short) return;
              void action.run(async () => {
                const { replacement } = await assignmentApi.revoke(
                  api,
                  assignment.id,
                  reason.trim(),
                );
                onDone(replacement ? t.replaced(nameOf(replacement.evaluatorId)) : t.noReplacement);
              });
            }}
          >
            {t.confirmRevoke}
          </Button>
        </>
      }
    >
      <TextArea
        label={t.reason}
        hint={t.reasonHint}
        required
        maxLength={2000}
        value={reason}
        error={touched && short ? t.reasonTooShort : undefined}
        onChange={(e) => setReason(e.target.value)}
      />
      <ActionOutcome action={action} notice={null} codes={codeMessages(t)} />
    </Dialog>
  );
}

function RunSummary({ run }: { run: AssignmentRun }) {
  const t = useMessages(assignmentMessages);
  const { locale } = useI18n();
  return (
    <section className="panel" aria-label={t.runSummary}>
      <h2>{t.runSummary}</h2>
      <p>{t.loadRange(run.load.min, run.load.max, formatNumber(locale, run.load.mean, 1))}</p>
      <p>{t.expertise(formatNumber(locale, run.expertiseMatchShare * 100, 1))}</p>
      {run.shortfalls.length > 0 ? (
        <Table
          caption={t.shortfallsCaption}
          rows={run.shortfalls}
          rowKey={(s) => s.proposalId}
          columns={[
            { key: 'p', header: t.colProposal, rowHeader: true, cell: (s) => s.proposalId },
            { key: 'n', header: t.colNeeded, numeric: true, cell: (s) => s.needed },
            { key: 'a', header: t.colAssigned, numeric: true, cell: (s) => s.assigned },
            { key: 'e', header: t.colEligible, numeric: true, cell: (s) => s.eligibleEvaluators },
            { key: 'w', header: t.colWhy, cell: (s) => s.why },
          ]}
        />
      ) : null}
    </section>
  );
}

/** Who evaluates what: run the assignment, see each evaluator's load and progress, reassign. */
export default function AssignmentsPage() {
  const t = useMessages(assignmentMessages);
  const common = useMessages(adminMessages);
  const { locale } = useI18n();
  const api = useApi();
  const { editionId, title } = useEditionSubpage(t.title);
  const directory = useProposalDirectory(editionId);
  const names = useApiQuery('reviewer-names', (client, signal) => reviewerNames(client, signal));
  const nameOf = (id: string) => names.data?.get(id) ?? id;
  const [generation, setGeneration] = useState(0);
  const progress = useApiQuery(`scoring-progress:${editionId}:${generation}`, (client, signal) =>
    assignmentApi.progress(client, editionId, signal),
  );
  const run = useAction();
  const [lastRun, setLastRun] = useState<AssignmentRun | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [evaluator, setEvaluator] = useState('');
  const active = useApiQuery(
    evaluator ? `assignments:${editionId}:${evaluator}:${generation}` : null,
    (client, signal) => assignmentApi.list(client, editionId, evaluator, signal),
  );
  const [revoking, setRevoking] = useState<Assignment | null>(null);
  const evaluators = [...(progress.data?.evaluators ?? [])].sort((a, b) => b.assigned - a.assigned);
  const titleOf = (id: string) => directory.get(id)?.title ?? id;

  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      <div className="toolbar">
        <Button
          busy={run.busy}
          onClick={() => {
            setNotice(null);
            void run.run(async () => {
              const result = await assignmentApi.run(api, editionId);
              setLastRun(result);
              setNotice(result.runId ? t.runDone(result.assignmentsCreated) : t.runNothing);
              setGeneration((g) => g + 1);
            });
          }}
        >
          {t.run}
        </Button>
      </div>
      <ActionOutcome action={run} notice={notice} progress={t.running} codes={codeMessages(t)} />
      {lastRun?.runId ? <RunSummary run={lastRun} /> : null}
      <h2>{t.progressTitle}</h2>
      {progress.error ? <ErrorAlert error={progress.error} codes={codeMessages(t)} /> : null}
      {progress.loading && !progress.data ? <Progress label={common.loading} /> : null}
      {progress.data ? (
        <>
          <Progress
            label={t.overall(progress.data.overall.submitted, progress.data.overall.assigned)}
            value={progress.data.overall.submitted}
            max={Math.max(1, progress.data.overall.assigned)}
          />
          <BarChart
            title={t.loadChart}
            description={t.loadChartDesc}
            valueLabel={t.colAssigned}
            data={evaluators.map((e) => ({ label: nameOf(e.evaluatorId), value: e.assigned }))}
          />
          <Table
            caption={t.progressCaption}
            rows={evaluators}
            rowKey={(e) => e.evaluatorId}
            columns={[
              {
                key: 'name',
                header: t.colEvaluator,
                rowHeader: true,
                cell: (e) => nameOf(e.evaluatorId),
              },
              { key: 'assigned', header: t.colAssigned, numeric: true, cell: (e) => e.assigned },
              { key: 'draft', header: t.colDraft, numeric: true, cell: (e) => e.draft },
              { key: 'submitted', header: t.colSubmitted, numeric: true, cell: (e) => e.submitted },
              {
                key: 'percent',
                header: t.colPercent,
                numeric: true,
                cell: (e) =>
                  `${formatNumber(locale, e.assigned === 0 ? 0 : (e.submitted / e.assigned) * 100, 0)}%`,
              },
            ]}
          />
        </>
      ) : null}
      <h2>{t.reassignTitle}</h2>
      <Select
        label={t.evaluator}
        value={evaluator}
        placeholder={t.chooseEvaluator}
        options={evaluators.map((e) => ({ value: e.evaluatorId, label: nameOf(e.evaluatorId) }))}
        onChange={(e) => setEvaluator(e.target.value)}
      />
      {active.error ? <ErrorAlert error={active.error} codes={codeMessages(t)} /> : null}
      {evaluator && active.data ? (
        active.data.items.length === 0 ? (
          <EmptyState title={t.noActive} />
        ) : (
          <Table
            caption={t.activeCaption(nameOf(evaluator))}
            rows={active.data.items}
            rowKey={(a) => a.id}
            columns={[
              {
                key: 'p',
                header: t.colProposal,
                rowHeader: true,
                cell: (a) => titleOf(a.proposalId),
              },
              {
                key: 'due',
                header: t.colDue,
                cell: (a) => (a.dueAt ? <DateTime value={a.dueAt} /> : '–'),
              },
              {
                key: 'why',
                header: t.colWhyAssigned,
                cell: (a) => a.explanation.factors.join(', ') || '–',
              },
              {
                key: 'revoke',
                header: '',
                cell: (a) => (
                  <Button variant="secondary" onClick={() => setRevoking(a)}>
                    {t.revoke(titleOf(a.proposalId))}
                  </Button>
                ),
              },
            ]}
          />
        )
      ) : null}
      {revoking ? (
        <RevokeDialog
          assignment={revoking}
          title={titleOf(revoking.proposalId)}
          nameOf={nameOf}
          onClose={() => setRevoking(null)}
          onDone={(message) => {
            setRevoking(null);
            setNotice(message);
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </section>
  );
}
