import type { ApiClient } from '../../api/client';
import {
  evaluatorApi,
  type MyAssignment,
  type MyPanelSheet,
  type SheetStanding,
} from './evaluator-api';
import { scoringStatus, type ScoringStatus } from './scoring';

/** One line of "my evaluations": a desk assignment or a finalist on the panel's list. */
export interface EvaluationRow {
  readonly key: string;
  readonly stage: 'desk' | 'panel';
  /** Where its sheet opens in the portal. */
  readonly to: string;
  readonly assignmentId: string | null;
  readonly editionId: string;
  readonly proposalId: string | null;
  readonly title: string | null;
  readonly categoryId: string | null;
  readonly groupId: string | null;
  readonly deadline: string | null;
  readonly status: ScoringStatus;
  readonly score: number | null;
}

export const STATUS_ORDER: readonly ScoringStatus[] = ['scored', 'in-progress', 'not-started'];

export type StatusFilter = ScoringStatus | 'all';

/** Where a line stands as its list tells it: no sheet read. */
function standing(sheet: SheetStanding | null): Pick<EvaluationRow, 'status' | 'score'> {
  return {
    status: scoringStatus(sheet),
    score: sheet?.status === 'submitted' ? sheet.weightedScore : null,
  };
}

/** A desk assignment's line, with where its sheet stands as the list itself tells it. */
export function deskRow(item: MyAssignment): EvaluationRow {
  return {
    key: item.assignmentId,
    stage: 'desk',
    to: `/evaluator/assignments/${encodeURIComponent(item.assignmentId)}`,
    assignmentId: item.assignmentId,
    editionId: item.editionId,
    proposalId: item.proposal?.proposalId ?? null,
    title: item.proposal?.title ?? null,
    categoryId: item.proposal?.categoryId ?? null,
    groupId: item.proposal?.groupId ?? null,
    ...standing(item.sheet),
    deadline: item.deadline ?? item.dueAt,
  };
}

/** The caller's desk assignments: one request, no sheet read. */
export async function loadDeskRows(api: ApiClient, signal?: AbortSignal): Promise<EvaluationRow[]> {
  const { items } = await evaluatorApi.myAssignments(api, signal);
  return items.map(deskRow);
}

/** A finalist's line on the panel's list, with the caller's sheet as the list tells it. */
export function panelRow(
  editionId: string,
  item: MyPanelSheet,
  deadline: string | null,
): EvaluationRow {
  return {
    key: item.proposalId,
    stage: 'panel',
    to: `/evaluator/panel/${encodeURIComponent(editionId)}/${encodeURIComponent(item.proposalId)}`,
    assignmentId: null,
    editionId,
    proposalId: item.proposalId,
    title: item.title,
    categoryId: item.categoryId,
    groupId: item.groupId,
    ...standing(item.sheet),
    deadline,
  };
}

/** The edition's current finalists with the caller's panel sheets: one request, no sheet read. */
export async function loadPanelRows(
  api: ApiClient,
  editionId: string,
  signal?: AbortSignal,
): Promise<EvaluationRow[]> {
  const { items, deadline } = await evaluatorApi.myPanelSheets(api, editionId, signal);
  return items.map((item) => panelRow(editionId, item, deadline));
}

export function countByStatus(rows: readonly EvaluationRow[]): Record<ScoringStatus, number> {
  const counts: Record<ScoringStatus, number> = { scored: 0, 'in-progress': 0, 'not-started': 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Rows with the chosen status, the ones needing work first, then by deadline and title. */
export function visibleRows(rows: readonly EvaluationRow[], filter: StatusFilter): EvaluationRow[] {
  const rank = (row: EvaluationRow) => {
    const order: Record<ScoringStatus, number> = { 'in-progress': 0, 'not-started': 1, scored: 2 };
    return order[row.status];
  };
  return rows
    .filter((row) => filter === 'all' || row.status === filter)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.deadline ?? '\uffff').localeCompare(b.deadline ?? '\uffff') ||
        (a.title ?? '').localeCompare(b.title ?? ''),
    );
}
