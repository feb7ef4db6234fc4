import { useState } from 'react';
import { Link } from 'react-router';
import { codeMessages } from '../../api/code-messages';
import { useApiQuery } from '../../api/use-api-query';
import { usePageTitle } from '../../app/page-title';
import { useSession } from '../../auth/session-context';
import { formatNumber, useI18n, useMessages } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DonutChart } from '../../ui/charts/donut-chart';
import { DateTime } from '../../ui/date-time';
import { EmptyState } from '../../ui/empty-state';
import { Select } from '../../ui/field';
import { Progress } from '../../ui/progress';
import { Table, type Column } from '../../ui/table';
import {
  countByStatus,
  loadDeskRows,
  loadPanelRows,
  STATUS_ORDER,
  visibleRows,
  type EvaluationRow,
  type StatusFilter,
} from './assignment-rows';
import { EndAssignmentDialog, type EndedAssignment } from './end-assignment-dialog';
import { evaluatorMessages, type EvaluatorText } from './messages';
import type { ScoringStatus } from './scoring';
import { EditionSelect, editionNames, useEditionChoice, useZone, ZoneSelect } from './shared';

type Stage = 'desk' | 'panel';

export function statusLabel(t: EvaluatorText, status: ScoringStatus): string {
  return status === 'scored'
    ? t.status_scored
    : status === 'in-progress'
      ? t.status_inProgress
      : t.status_notStarted;
}

function StatusTag({ status }: { status: ScoringStatus }) {
  const t = useMessages(evaluatorMessages);
  const tone =
    status === 'scored' ? 'tag' : status === 'in-progress' ? 'tag tag-warning' : 'tag tag-strong';
  return <span className={tone}>{statusLabel(t, status)}</span>;
}

/** Assigned proposals (desk) or finalists (panel) with where each sheet stands. */
export default function AssignmentsPage() {
  const t = useMessages(evaluatorMessages);
  const { locale } = useI18n();
  usePageTitle(t.title);
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.user.roles : [];
  const stages: Stage[] = [
    ...(roles.includes('evaluator') ? (['desk'] as const) : []),
    ...(roles.includes('panelist') ? (['panel'] as const) : []),
  ];
  const [stage, setStage] = useState<Stage>(stages[0] ?? 'desk');
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [zone, setZone] = useZone();
  const [ending, setEnding] = useState<EvaluationRow | null>(null);
  const [ended, setEnded] = useState<EndedAssignment | null>(null);
  const choice = useEditionChoice();
  const panelEdition = stage === 'panel' ? choice.editionId : null;

  const rows = useApiQuery(
    stage === 'desk' ? 'desk' : panelEdition ? `panel:${panelEdition}` : null,
    (api, signal) =>
      stage === 'desk' || !panelEdition
        ? loadDeskRows(api, signal)
        : loadPanelRows(api, panelEdition, signal),
  );

  const allEditions = choice.editions.data?.editions ?? [];
  const namesOf = (editionId: string) =>
    editionNames(allEditions.find((e) => e.editionId === editionId) ?? null, locale);
  const list = rows.data ?? [];
  const counts = countByStatus(list);
  const shown = visibleRows(list, filter);

  const columns: Column<EvaluationRow>[] = [
    {
      key: 'title',
      header: t.colTitle,
      rowHeader: true,
      cell: (row) =>
        row.title === null ? (
          t.proposalUnavailable
        ) : (
          <Link
            to={row.to}
            aria-label={row.status === 'scored' ? t.viewSheet(row.title) : t.openSheet(row.title)}
          >
            {row.title}
          </Link>
        ),
    },
    {
      key: 'category',
      header: t.colCategory,
      cell: (row) =>
        row.categoryId
          ? (namesOf(row.editionId).category.get(row.categoryId) ?? row.categoryId)
          : '—',
    },
    {
      key: 'group',
      header: t.colGroup,
      cell: (row) =>
        row.groupId ? (namesOf(row.editionId).group.get(row.groupId) ?? row.groupId) : '—',
    },
    { key: 'status', header: t.colStatus, cell: (row) => <StatusTag status={row.status} /> },
    {
      key: 'deadline',
      header: t.colDeadline,
      cell: (row) => (row.deadline ? <DateTime value={row.deadline} zone={zone} /> : t.noDeadline),
    },
    {
      key: 'score',
      header: t.colScore,
      numeric: true,
      cell: (row) => (row.score === null ? '—' : formatNumber(locale, row.score)),
    },
    ...(stage === 'desk'
      ? [
          {
            key: 'actions',
            header: t.colActions,
            cell: (row: EvaluationRow) =>
              row.status !== 'scored' && row.assignmentId ? (
                <Button
                  variant="secondary"
                  aria-label={t.decline(row.title ?? row.assignmentId)}
                  onClick={() => {
                    setEnded(null);
                    setEnding(row);
                  }}
                >
                  {t.declineShort}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <section>
      <h1>{t.title}</h1>
      <div className="toolbar">
        {stages.length > 1 ? (
          <Select
            label={t.stageFilter}
            value={stage}
            onChange={(event) => setStage(event.target.value === 'panel' ? 'panel' : 'desk')}
            options={stages.map((s) => ({
              value: s,
              label: s === 'desk' ? t.stageDesk : t.stagePanel,
            }))}
          />
        ) : null}
        {stage === 'panel' && allEditions.length > 0 ? (
          <EditionSelect
            label={t.edition}
            editions={allEditions}
            value={choice.editionId}
            onChange={choice.choose}
          />
        ) : null}
        <Select
          label={t.statusFilter}
          value={filter}
          onChange={(event) => {
            const value = event.target.value;
            setFilter(
              value === 'scored' || value === 'in-progress' || value === 'not-started'
                ? value
                : 'all',
            );
          }}
          options={[
            { value: 'all', label: t.statusAll },
            ...STATUS_ORDER.map((s) => ({ value: s, label: statusLabel(t, s) })),
          ]}
        />
        <ZoneSelect label={t.zone} zone={zone} onChange={setZone} />
      </div>
      {stages.length === 1 ? (
        <p className="field-hint">{stage === 'desk' ? t.stageDesk : t.stagePanel}</p>
      ) : null}
      {ended ? (
        <Alert tone="success">
          <p>{t.endDone(ended.title)}</p>
          <p>{ended.replaced ? t.endDoneReplaced : t.endDoneNoReplacement}</p>
        </Alert>
      ) : null}
      {rows.error ? <ErrorAlert error={rows.error} codes={codeMessages(t)} /> : null}
      {choice.editions.error && stage === 'panel' ? (
        <ErrorAlert error={choice.editions.error} codes={codeMessages(t)} />
      ) : null}
      {stage === 'panel' && choice.editions.data && allEditions.length === 0 ? (
        <EmptyState title={t.noEditions} />
      ) : rows.loading && list.length === 0 ? (
        <Progress label={t.loading} />
      ) : list.length === 0 && !rows.error ? (
        <EmptyState title={stage === 'desk' ? t.emptyDesk : t.emptyPanel}>
          {stage === 'desk' ? <p>{t.emptyDeskHint}</p> : null}
        </EmptyState>
      ) : list.length > 0 ? (
        <>
          <section aria-labelledby="evaluator-progress" className="panel">
            <h2 id="evaluator-progress">{t.progressTitle}</h2>
            <p role="status">{t.progressSummary(counts.scored, list.length)}</p>
            <DonutChart
              title={t.progressChart}
              description={t.progressChartDesc}
              data={STATUS_ORDER.map((s) => ({ label: statusLabel(t, s), value: counts[s] }))}
            />
          </section>
          {shown.length === 0 ? (
            <EmptyState title={t.emptyFiltered} />
          ) : (
            <Table
              caption={stage === 'desk' ? t.deskCaption : t.panelCaption}
              columns={columns}
              rows={shown}
              rowKey={(row) => row.key}
            />
          )}
        </>
      ) : null}
      <EndAssignmentDialog
        assignmentId={ending?.assignmentId ?? null}
        title={ending?.title ?? ''}
        onClose={() => setEnding(null)}
        onEnded={(result) => {
          setEnded(result);
          rows.reload();
        }}
      />
    </section>
  );
}
