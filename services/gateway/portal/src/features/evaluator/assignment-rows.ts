import type { ApiClient } from '../../api/client';
import { evaluatorApi, type MyAssignment, type ScoreSheet } from './evaluator-api';
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

function fromSheet(sheet: ScoreSheet): Pick<EvaluationRow, 'status' | 'score' | 'deadline'> {
  return {
    status: scoringStatus(sheet),
    score: sheet.status === 'submitted' ? sheet.submittedWeightedScore : null,
    deadline: sheet.deadline,
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
    status: scoringStatus(item.sheet),
    score: item.sheet?.status === 'submitted' ? item.sheet.weightedScore : null,
    deadline: item.deadline ?? item.dueAt,
  };
}

/** The caller's desk assignments: one request, no sheet read. */
export async function loadDeskRows(api: ApiClient, signal?: AbortSignal): Promise<EvaluationRow[]> {
  const { items } = await evaluatorApi.myAssignments(api, signal);
  return items.map(deskRow);
}

/** The edition's current finalists, each with the caller's panel sheet. */
export async function loadPanelRows(
  api: ApiClient,
  editionId: string,
  signal?: AbortSignal,
): Promise<EvaluationRow[]> {
  const { finalists } = await evaluatorApi.currentFinalists(api, editionId, signal);
  return Promise.all(
    finalists.map(async (finalist) => {
      const sheet = await evaluatorApi.sheet(
        api,
        { stage: 'panel', editionId, proposalId: finalist.proposalId },
        signal,
      );
      return {
        key: finalist.proposalId,
        stage: 'panel' as const,
        to: `/evaluator/panel/${encodeURIComponent(editionId)}/${encodeURIComponent(finalist.proposalId)}`,
        assignmentId: null,
        editionId,
        proposalId: finalist.proposalId,
        title: finalist.title,
        categoryId: finalist.categoryId,
        groupId: finalist.groupId,
        ...fromSheet(sheet),
      };
    }),
  );
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
