import { useState } from 'react';
import { useApi } from '../../../api/api-context';
import { codeMessages } from '../../../api/code-messages';
import { useAction } from '../../../api/use-action';
import { useApiQuery } from '../../../api/use-api-query';
import { useMessages } from '../../../i18n';
import { ErrorAlert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { DonutChart } from '../../../ui/charts/donut-chart';
import { Dialog } from '../../../ui/dialog';
import { EmptyState } from '../../../ui/empty-state';
import { Select, TextArea } from '../../../ui/field';
import { Pagination } from '../../../ui/pagination';
import { Progress } from '../../../ui/progress';
import { Table } from '../../../ui/table';
import { ActionOutcome } from '../shared/action-outcome';
import { EditionSubpageHeader, useEditionSubpage } from '../shared/edition-subpage';
import { adminMessages } from '../shared/messages';
import { selectionApi, type SelectionFilter } from './evaluation-api';
import {
  clearPasses,
  decisionProblem,
  outcomeOf,
  startingReasons,
  type SelectionItem,
  type SelectionReason,
} from './selection-logic';
import { selectionMessages } from './selection-messages';

const FILTERS: readonly SelectionFilter[] = ['undecided', 'pass', 'fail', ''];

function DecisionDialog({
  item,
  onClose,
  onDecided,
}: {
  item: SelectionItem;
  onClose: () => void;
  onDecided: () => void;
}) {
  const t = useMessages(selectionMessages);
  const api = useApi();
  const action = useAction();
  const [reasons, setReasons] = useState<SelectionReason[]>(() => startingReasons(item));
  const [outcome, setOutcome] = useState<'pass' | 'fail'>(
    () => item.decision?.outcome ?? outcomeOf(startingReasons(item)),
  );
  const problem = decisionProblem(outcome, reasons);
  const setReason = (index: number, patch: Partial<SelectionReason>) =>
    setReasons((current) => current.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const save = () =>
    void action.run(async () => {
      await selectionApi.decide(api, item.proposalId, {
        outcome,
        reasons,
        ...(item.decision ? { expectedRevision: item.decision.revision } : {}),
      });
      onDecided();
    });
  return (
    <Dialog
      open
      title={t.decideTitle(item.title)}
      onClose={onClose}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t.cancel}
          </Button>
          <Button busy={action.busy} disabled={problem !== null} onClick={save}>
            {t.save}
          </Button>
        </>
      }
    >
      <Select
        label={t.outcome}
        value={outcome}
        error={problem ? t[problem] : undefined}
        options={[
          { value: 'pass', label: t.pass },
          { value: 'fail', label: t.fail },
        ]}
        onChange={(e) => setOutcome(e.target.value === 'fail' ? 'fail' : 'pass')}
      />
      {reasons.map((reason, index) => (
        <fieldset key={reason.check}>
          <legend>{reason.check}</legend>
          <Select
            label={t.reasonOutcome(reason.check)}
            value={reason.outcome}
            options={[
              { value: 'pass', label: t.check_pass },
              { value: 'fail', label: t.check_fail },
            ]}
            onChange={(e) =>
              setReason(index, { outcome: e.target.value === 'fail' ? 'fail' : 'pass' })
            }
          />
          <TextArea
            label={t.reasonNote(reason.check)}
            value={reason.note}
            maxLength={2000}
            rows={2}
            onChange={(e) => setReason(index, { note: e.target.value })}
          />
        </fieldset>
      ))}
      <ActionOutcome action={action} notice={null} codes={codeMessages(t)} />
    </Dialog>
  );
}

/** Administrative selection: the checks, one decision at a time, or every clear pass at once. */
export default function SelectionPage() {
  const t = useMessages(selectionMessages);
  const common = useMessages(adminMessages);
  const api = useApi();
  const { editionId, title } = useEditionSubpage(t.title);
  const [filter, setFilter] = useState<SelectionFilter>('undecided');
  const [page, setPage] = useState(1);
  const [generation, setGeneration] = useState(0);
  const [deciding, setDeciding] = useState<SelectionItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const bulk = useAction();
  const summary = useApiQuery(`selection-summary:${editionId}:${generation}`, (client, signal) =>
    selectionApi.summary(client, editionId, signal),
  );
  const list = useApiQuery(
    `selection:${editionId}:${filter}:${page}:${generation}`,
    (client, signal) => selectionApi.list(client, editionId, filter, page, signal),
  );
  const items = list.data?.items ?? [];
  const clear = clearPasses(items);
  const refresh = () => setGeneration((g) => g + 1);
  const label = (f: SelectionFilter) => (f === '' ? t.all : t[f]);

  return (
    <section>
      <EditionSubpageHeader editionId={editionId} title={title} />
      {summary.error ? <ErrorAlert error={summary.error} codes={codeMessages(t)} /> : null}
      {summary.data ? (
        <DonutChart
          title={t.summaryTitle}
          description={t.summaryDesc}
          data={[
            { label: t.undecided, value: summary.data.undecided },
            { label: t.pass, value: summary.data.pass },
            { label: t.fail, value: summary.data.fail },
            { label: t.withdrawn, value: summary.data.withdrawn },
          ]}
        />
      ) : null}
      <div className="toolbar">
        <Select
          label={t.filter}
          value={filter}
          options={FILTERS.map((f) => ({ value: f, label: label(f) }))}
          onChange={(e) => {
            setFilter(FILTERS.find((f) => f === e.target.value) ?? '');
            setPage(1);
          }}
        />
        {clear.length > 0 ? (
          <Button
            busy={bulk.busy}
            onClick={() => {
              setNotice(null);
              void bulk.run(async () => {
                await selectionApi.bulk(
                  api,
                  editionId,
                  clear.map((i) => ({
                    proposalId: i.proposalId,
                    outcome: 'pass' as const,
                    reasons: [],
                  })),
                );
                setNotice(t.bulkDone(clear.length));
                refresh();
              });
            }}
          >
            {t.bulkPass(clear.length)}
          </Button>
        ) : null}
      </div>
      <ActionOutcome
        action={bulk}
        notice={notice}
        progress={t.bulkRunning}
        codes={codeMessages(t)}
      />
      {list.error ? <ErrorAlert error={list.error} codes={codeMessages(t)} /> : null}
      {list.loading && !list.data ? (
        <Progress label={common.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={t.empty} />
      ) : (
        <Table
          caption={t.caption}
          rows={items}
          rowKey={(i) => i.proposalId}
          columns={[
            { key: 'title', header: t.colTitle, rowHeader: true, cell: (i) => i.title },
            {
              key: 'institution',
              header: t.colInstitution,
              cell: (i) => i.institutionName ?? i.institutionId,
            },
            {
              key: 'checks',
              header: t.colChecks,
              cell: (i) => (
                <ul className="tag-list">
                  {i.checks.map((c) => (
                    <li
                      key={c.check}
                      className={c.outcome === 'pass' ? 'tag' : 'tag tag-warning'}
                      title={c.detail}
                    >
                      {c.check}: {t[`check_${c.outcome}`]}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'decision',
              header: t.colDecision,
              cell: (i) =>
                i.withdrawn ? t.withdrawn : i.decision ? t[i.decision.outcome] : t.undecided,
            },
            {
              key: 'decide',
              header: '',
              cell: (i) =>
                i.withdrawn ? null : (
                  <Button variant="secondary" onClick={() => setDeciding(i)}>
                    {t.decide(i.title)}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {list.data ? (
        <Pagination
          page={page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={setPage}
        />
      ) : null}
      {deciding ? (
        <DecisionDialog
          item={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setNotice(t.decided(deciding.title));
            setDeciding(null);
            refresh();
          }}
        />
      ) : null}
    </section>
  );
}
