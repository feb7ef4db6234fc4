import { z } from 'zod';
import { scorerProposalView } from '../proposal/scorer-proposal';
import type { ScoreSheet } from './score-sheet.schema';
import type { SheetTarget } from './score-sheet-target';
import { sheetStandingView, toSheetStandingView } from './sheet-standing';
import type { ScoreSheetReading } from './use-cases/get-score-sheet.use-case';
import type { DeskScoresPage } from './use-cases/list-desk-scores.use-case';
import type { MyPanelSheets } from './use-cases/list-my-panel-sheets.use-case';

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

/** A panelist's sheets for the current finalists: where each stands, not the sheets. */
export const myPanelSheetsView = z.object({
  editionId: z.string(),
  /** Null before the finalists are published (and `items` is empty). */
  publishedAt: z.string().nullable(),
  /** Until when panel sheets accept scores as the calendar plans it (the plenary's end). */
  deadline: z.string().nullable(),
  items: z.array(
    z.object({
      proposalId: z.string(),
      title: z.string(),
      categoryId: z.string(),
      groupId: z.string(),
      /** As the public finalists list names it. */
      institutionName: z.string().nullable(),
      /** Null until the sheet is first saved. */
      sheet: sheetStandingView.nullable(),
    }),
  ),
});

export const deskScoresView = z.object({
  items: z.array(
    z.object({
      sheetId: z.string(),
      proposalId: z.string(),
      /** Null while the proposal is not known here. */
      title: z.string().nullable(),
      evaluatorId: z.string(),
      /** Null when evaluation has no reviewer record of the account. */
      evaluatorName: z.string().nullable(),
      /** As last submitted. */
      criteria: z.array(criterionView),
      weightedScore: z.number(),
      submittedAt: z.string().nullable(),
      submissions: z.number(),
      /** Saved again since: a draft now, its last submitted score still counts. */
      reopened: z.boolean(),
    }),
  ),
  /** Send as `after` for the next page; null on the last page. */
  nextAfter: z.string().nullable(),
});

export function toMyPanelSheetsView(list: MyPanelSheets): z.infer<typeof myPanelSheetsView> {
  return {
    editionId: list.editionId,
    publishedAt: list.publishedAt?.toISOString() ?? null,
    deadline: list.deadline?.toISOString() ?? null,
    items: list.items.map(({ finalist, sheet }) => ({
      proposalId: finalist.proposalId,
      title: finalist.title,
      categoryId: finalist.categoryId,
      groupId: finalist.groupId,
      institutionName: finalist.institutionName,
      sheet: toSheetStandingView(sheet),
    })),
  };
}

export function toDeskScoresView(page: DeskScoresPage): z.infer<typeof deskScoresView> {
  return {
    items: page.items.map((score) => ({
      ...score,
      criteria: [...score.criteria],
      submittedAt: score.submittedAt ? new Date(score.submittedAt).toISOString() : null,
    })),
    nextAfter: page.nextAfter,
  };
}

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
