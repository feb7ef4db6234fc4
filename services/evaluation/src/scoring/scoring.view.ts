import { z } from 'zod';
import { scorerProposalView } from '../proposal/scorer-proposal';
import type { ScoreSheet } from './score-sheet.schema';
import type { SheetTarget } from './score-sheet-target';
import type { ScoreSheetReading } from './use-cases/get-score-sheet.use-case';

const criterionView = z.object({ criterionId: z.string(), score: z.number(), comment: z.string() });

/** The sheet itself: what a save or a submit answers. */
export const sheetStateView = z.object({
  sheetId: z.string().nullable(),
  stage: z.enum(['desk', 'panel']),
  editionId: z.string(),
  proposalId: z.string(),
  assignmentId: z.string().nullable(),
  scorerId: z.string(),
  status: z.enum(['draft', 'submitted']),
  /** 0 before the first save; send it back as `expectedRevision`. */
  revision: z.number(),
  submissions: z.number(),
  criteria: z.array(criterionView),
  weightedScore: z.number().nullable(),
  submittedWeightedScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  rubric: z.object({
    scale: z.object({ min: z.number(), max: z.number() }),
    criteria: z.array(z.object({ criterionId: z.string(), weight: z.number() })),
  }),
  audit: z.array(
    z.object({
      action: z.string(),
      by: z.string(),
      at: z.string(),
      criteria: z.array(criterionView),
      weightedScore: z.number().nullable(),
    }),
  ),
});

/** The sheet as its scorer reads it (`GET`): the sheet and the proposal it scores. */
export const sheetView = sheetStateView.extend({
  /** Null while the proposal's snapshot is not known here. */
  proposal: scorerProposalView.nullable(),
});

export const progressView = z.object({
  editionId: z.string().nullable(),
  evaluators: z.array(
    z.object({
      evaluatorId: z.string(),
      assigned: z.number(),
      draft: z.number(),
      submitted: z.number(),
    }),
  ),
  overall: z.object({ assigned: z.number(), submitted: z.number(), percentSubmitted: z.number() }),
});

export function toSheetView(reading: ScoreSheetReading): z.infer<typeof sheetView> {
  return { ...toSheetStateView(reading.target, reading.sheet), proposal: reading.proposal };
}

export function toSheetStateView(
  target: SheetTarget,
  sheet: ScoreSheet | null,
): z.infer<typeof sheetStateView> {
  return {
    sheetId: sheet?._id ?? null,
    stage: target.stage,
    editionId: target.editionId,
    proposalId: target.proposalId,
    assignmentId: target.assignmentId,
    scorerId: target.scorerId,
    status: sheet?.status ?? 'draft',
    revision: sheet?.revision ?? 0,
    submissions: sheet?.submissions ?? 0,
    criteria: sheet?.criteria ?? [],
    weightedScore: sheet?.weightedScore ?? null,
    submittedWeightedScore: sheet?.submittedWeightedScore ?? null,
    submittedAt: sheet?.submittedAt?.toISOString() ?? null,
    deadline: target.window.closesAt?.toISOString() ?? null,
    rubric: {
      scale: target.rubric.scale,
      criteria: target.rubric.criteria.map((c) => ({
        criterionId: c.criterionId,
        weight: c.weight,
      })),
    },
    audit: (sheet?.audit ?? []).map((entry) => ({
      action: entry.action,
      by: entry.by,
      at: new Date(entry.at).toISOString(),
      criteria: entry.criteria,
      weightedScore: entry.weightedScore,
    })),
  };
}
