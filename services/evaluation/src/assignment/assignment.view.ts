import { z } from 'zod';
import { ASSIGNMENT_CHANGES, ASSIGNMENT_REASONS } from '@kipp/contracts';
import { scorerProposalView } from '../proposal/scorer-proposal';
import { sheetStandingView, toSheetStandingView } from '../scoring/sheet-standing';
import { CONFLICT_KINDS } from './solver/conflicts';
import type { Assignment } from './assignment.schema';
import type { AssignmentExplanationView } from './use-cases/get-assignment-explanation.use-case';
import type { MyAssignment } from './use-cases/list-my-assignments.use-case';

export const ASSIGNMENT_STATUSES = ['active', ...ASSIGNMENT_CHANGES] as const;

export const assignmentView = z.object({
  id: z.string(),
  editionId: z.string(),
  proposalId: z.string(),
  evaluatorId: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  reason: z.enum(ASSIGNMENT_REASONS),
  explanation: z.object({ cost: z.number(), factors: z.array(z.string()) }),
  runId: z.string().nullable(),
  dueAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  replacedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const assignmentListView = z.object({ items: z.array(assignmentView) });

const shortfallView = z.object({
  proposalId: z.string(),
  needed: z.number(),
  assigned: z.number(),
  eligibleEvaluators: z.number(),
  why: z.string(),
});

export const runSummaryView = z.object({
  runId: z.string().nullable(),
  editionId: z.string(),
  evaluatorsPerProposal: z.number(),
  maxProposalsPerEvaluator: z.number(),
  proposalsConsidered: z.number(),
  evaluatorsConsidered: z.number(),
  assignmentsCreated: z.number(),
  load: z.object({ min: z.number(), max: z.number(), mean: z.number() }),
  expertiseMatchShare: z.number(),
  shortfalls: z.array(shortfallView),
});

export const explanationView = z.object({
  assignment: assignmentView,
  excludedInRun: z.string().nullable(),
  excluded: z.array(
    z.object({
      evaluatorId: z.string(),
      reason: z.enum([...CONFLICT_KINDS, 'already-paired', 'max-load']),
    }),
  ),
});

export const endResultView = z.object({
  assignment: assignmentView,
  replacement: assignmentView.nullable(),
});

export const myAssignmentsView = z.object({
  items: z.array(
    z.object({
      assignmentId: z.string(),
      editionId: z.string(),
      /** The end of the desk-evaluation phase when the evaluator was assigned. */
      dueAt: z.string().nullable(),
      /** Until when the sheet accepts scores now: the phase's end plus the grace minutes. */
      deadline: z.string().nullable(),
      proposal: scorerProposalView.nullable(),
      /** Null until the sheet is first saved. */
      sheet: sheetStandingView.nullable(),
    }),
  ),
});

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export function toAssignmentView(a: Assignment): AssignmentView {
  return {
    id: a._id,
    editionId: a.editionId,
    proposalId: a.proposalId,
    evaluatorId: a.evaluatorId,
    status: a.status,
    reason: a.reason,
    explanation: a.explanation,
    runId: a.runId,
    dueAt: iso(a.dueAt),
    endedAt: iso(a.endedAt),
    endReason: a.endReason,
    replacedBy: a.replacedBy,
    createdAt: new Date(a.createdAt).toISOString(),
  };
}

export function toExplanationView(v: AssignmentExplanationView): z.infer<typeof explanationView> {
  return {
    assignment: toAssignmentView(v.assignment),
    excludedInRun: v.excludedInRun,
    excluded: v.excluded,
  };
}

/** Only the evaluator's work: no explanation, no other evaluator. */
export function toMyAssignmentsView(items: MyAssignment[]): z.infer<typeof myAssignmentsView> {
  return {
    items: items.map(({ assignment, proposal, sheet, deadline }) => ({
      assignmentId: assignment._id,
      editionId: assignment.editionId,
      dueAt: iso(assignment.dueAt),
      deadline: iso(deadline),
      proposal,
      sheet: toSheetStandingView(sheet),
    })),
  };
}
