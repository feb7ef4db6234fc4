import { z } from 'zod';
import { groupIdSchema } from '@kipp/contracts';
import type { EvaluationProposal, SelectionDecision } from '../proposal/proposal.schema';
import type { PrefilledCheck } from './selection-checks';

const reasonView = z.object({
  check: z.string(),
  outcome: z.enum(['pass', 'fail']),
  note: z.string(),
});

export const decisionView = z.object({
  outcome: z.enum(['pass', 'fail']),
  reasons: z.array(reasonView),
  revision: z.number().int(),
  snapshotVersion: z.number().int(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

/** What the secretariat sees of a proposal in administrative selection. */
export const selectionItemView = z.object({
  proposalId: z.string(),
  editionId: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  unitId: z.string(),
  groupId: groupIdSchema,
  categoryId: z.string(),
  title: z.string(),
  snapshotVersion: z.number().int(),
  forwardedAt: z.string(),
  withdrawn: z.boolean(),
  checks: z.array(
    z.object({ check: z.string(), outcome: z.enum(['pass', 'warn', 'fail']), detail: z.string() }),
  ),
  decision: decisionView.nullable(),
});
export type SelectionItemView = z.infer<typeof selectionItemView>;

export const selectionPageView = z.object({
  items: z.array(selectionItemView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type SelectionPageView = z.infer<typeof selectionPageView>;

/** What an institution sees: its proposals and the decisions with reasons, no internal checks. */
export const institutionSelectionView = z.object({
  institutionId: z.string(),
  editionId: z.string(),
  items: z.array(
    z.object({
      proposalId: z.string(),
      unitId: z.string(),
      title: z.string(),
      groupId: groupIdSchema,
      categoryId: z.string(),
      snapshotVersion: z.number().int(),
      decision: decisionView.nullable(),
    }),
  ),
});
export type InstitutionSelectionView = z.infer<typeof institutionSelectionView>;

export const selectionSummaryView = z.object({
  editionId: z.string(),
  total: z.number().int(),
  undecided: z.number().int(),
  pass: z.number().int(),
  fail: z.number().int(),
  withdrawn: z.number().int(),
});
export type SelectionSummaryView = z.infer<typeof selectionSummaryView>;

export const decidedView = z.object({ proposalId: z.string(), decision: decisionView });
export type DecidedView = z.infer<typeof decidedView>;

export const bulkResultView = z.object({
  decided: z.number().int(),
  items: z.array(
    z.object({
      proposalId: z.string(),
      outcome: z.enum(['pass', 'fail']),
      revision: z.number().int(),
    }),
  ),
});
export type BulkResultView = z.infer<typeof bulkResultView>;

export type DecisionView = z.infer<typeof decisionView>;

export function toDecisionView(decision: SelectionDecision | null): DecisionView | null {
  return decision ? toStoredDecisionView(decision) : null;
}

export function toStoredDecisionView(decision: SelectionDecision): DecisionView {
  return {
    outcome: decision.outcome,
    reasons: decision.reasons.map(({ check, outcome, note }) => ({ check, outcome, note })),
    revision: decision.revision,
    snapshotVersion: decision.snapshotVersion,
    decidedBy: decision.decidedBy,
    decidedAt: new Date(decision.decidedAt).toISOString(),
  };
}

export function toSelectionItemView(
  proposal: EvaluationProposal,
  checks: PrefilledCheck[],
): SelectionItemView {
  return {
    proposalId: proposal._id,
    editionId: proposal.editionId,
    institutionId: proposal.institutionId,
    institutionName: proposal.institution?.name ?? null,
    unitId: proposal.unitId,
    groupId: proposal.groupId,
    categoryId: proposal.categoryId,
    title: proposal.title,
    snapshotVersion: proposal.snapshotVersion,
    forwardedAt: new Date(proposal.forwardedAt).toISOString(),
    withdrawn: proposal.withdrawnAt !== null,
    checks,
    decision: toDecisionView(proposal.selection),
  };
}
