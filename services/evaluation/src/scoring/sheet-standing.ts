import { z } from 'zod';
import type { ScoreSheet } from './score-sheet.schema';

/** Where a scorer's sheet stands, without its criteria and audit trail: what a list shows. */
export type SheetStanding = Pick<
  ScoreSheet,
  '_id' | 'status' | 'revision' | 'weightedScore' | 'submittedAt'
>;

export const SHEET_STANDING_FIELDS = {
  status: 1,
  revision: 1,
  weightedScore: 1,
  submittedAt: 1,
} as const;

export const sheetStandingView = z.object({
  status: z.enum(['draft', 'submitted']),
  /** Grows with every save; a draft at revision 1 or more has been worked on. */
  revision: z.number(),
  /** Null while a draft misses criteria. */
  weightedScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
});
export type SheetStandingView = z.infer<typeof sheetStandingView>;

/** Null for a sheet not saved yet. */
export function toSheetStandingView(sheet: SheetStanding | null): SheetStandingView | null {
  if (!sheet) return null;
  return {
    status: sheet.status,
    revision: sheet.revision,
    weightedScore: sheet.weightedScore,
    submittedAt: sheet.submittedAt ? new Date(sheet.submittedAt).toISOString() : null,
  };
}
