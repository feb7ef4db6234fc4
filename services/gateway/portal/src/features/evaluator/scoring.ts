import type { ScoreSheet, SheetCriterion } from './evaluator-api';

/** What the person typed for one criterion (kept as text so half-typed numbers survive). */
export interface CriterionDraft {
  readonly score: string;
  readonly comment: string;
}

export type SheetDraft = Readonly<Record<string, CriterionDraft>>;

export interface Scale {
  readonly min: number;
  readonly max: number;
}

export type ScoreProblem = 'not-a-number' | 'out-of-scale';

export type ParsedScore =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid'; readonly value: number }
  | { readonly kind: 'invalid'; readonly problem: ScoreProblem };

/** Reads a typed score: empty, a number on the rubric's scale, or why it is not one. */
export function parseScore(text: string, scale: Scale): ParsedScore {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return { kind: 'empty' };
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return { kind: 'invalid', problem: 'not-a-number' };
  const value = Number(trimmed);
  if (value < scale.min || value > scale.max) return { kind: 'invalid', problem: 'out-of-scale' };
  return { kind: 'valid', value };
}

/** The form's starting point: what the sheet holds, blank for criteria not yet scored. */
export function draftFromSheet(sheet: Pick<ScoreSheet, 'rubric' | 'criteria'>): SheetDraft {
  const saved = new Map(sheet.criteria.map((c) => [c.criterionId, c]));
  return Object.fromEntries(
    sheet.rubric.criteria.map(({ criterionId }) => {
      const entry = saved.get(criterionId);
      return [
        criterionId,
        { score: entry ? String(entry.score) : '', comment: entry?.comment ?? '' },
      ];
    }),
  );
}

/**
 * The criteria a save sends: every criterion with a valid score (partial sheets are
 * allowed). Criteria with a blank or invalid score are left out until they are fixed.
 */
export function criteriaToSave(draft: SheetDraft, scale: Scale): SheetCriterion[] {
  const result: SheetCriterion[] = [];
  for (const [criterionId, entry] of Object.entries(draft)) {
    const parsed = parseScore(entry.score, scale);
    if (parsed.kind === 'valid') {
      result.push({ criterionId, score: parsed.value, comment: entry.comment.trim() });
    }
  }
  return result;
}

export interface RunningTotal {
  /** Σ score × weight / Σ weights over the scored criteria; null when none is scored. */
  readonly weighted: number | null;
  readonly scored: number;
  readonly total: number;
}

/** The weighted score as it stands, the way evaluation computes it once every criterion is scored. */
export function runningTotal(draft: SheetDraft, rubric: ScoreSheet['rubric']): RunningTotal {
  let weightSum = 0;
  let sum = 0;
  let scored = 0;
  for (const { criterionId, weight } of rubric.criteria) {
    const entry = draft[criterionId];
    const parsed = entry ? parseScore(entry.score, rubric.scale) : { kind: 'empty' as const };
    if (parsed.kind !== 'valid') continue;
    scored += 1;
    weightSum += weight;
    sum += parsed.value * weight;
  }
  return {
    weighted: weightSum > 0 ? Math.round((sum / weightSum) * 100) / 100 : null,
    scored,
    total: rubric.criteria.length,
  };
}

export type CriterionIssue = ScoreProblem | 'score-required' | 'comment-required';

/**
 * What stands in the way of submitting: evaluation accepts a sheet only with every
 * criterion scored on the scale and commented.
 */
export function submitIssues(
  draft: SheetDraft,
  rubric: ScoreSheet['rubric'],
): Readonly<Record<string, CriterionIssue>> {
  const issues: Record<string, CriterionIssue> = {};
  for (const { criterionId } of rubric.criteria) {
    const entry = draft[criterionId] ?? { score: '', comment: '' };
    const parsed = parseScore(entry.score, rubric.scale);
    if (parsed.kind === 'invalid') issues[criterionId] = parsed.problem;
    else if (parsed.kind === 'empty') issues[criterionId] = 'score-required';
    else if (entry.comment.trim() === '') issues[criterionId] = 'comment-required';
  }
  return issues;
}

export type ScoringStatus = 'not-started' | 'in-progress' | 'scored';

/**
 * Where a sheet stands for its scorer: submitted, saved at least once, or untouched (also
 * when there is no sheet yet).
 */
export function scoringStatus(
  sheet: Pick<ScoreSheet, 'status' | 'revision'> | null,
): ScoringStatus {
  if (sheet === null) return 'not-started';
  if (sheet.status === 'submitted') return 'scored';
  return sheet.revision > 0 ? 'in-progress' : 'not-started';
}

/** True when the draft differs from what the sheet holds (unsaved changes). */
export function isDirty(
  draft: SheetDraft,
  sheet: Pick<ScoreSheet, 'rubric' | 'criteria'>,
): boolean {
  const saved = draftFromSheet(sheet);
  return Object.keys({ ...saved, ...draft }).some((id) => {
    const a = saved[id] ?? { score: '', comment: '' };
    const b = draft[id] ?? { score: '', comment: '' };
    return a.score.trim() !== b.score.trim() || a.comment.trim() !== b.comment.trim();
  });
}

/** The autosave indicator's states. */
export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'dirty' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly at: Date }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'error'; readonly error: unknown };

export type SaveEvent =
  | { readonly type: 'edit' }
  | { readonly type: 'save-start' }
  | { readonly type: 'save-ok'; readonly at: Date; readonly dirtyMeanwhile: boolean }
  | { readonly type: 'save-failed'; readonly error: unknown; readonly conflict: boolean }
  | { readonly type: 'reloaded' };

/**
 * The autosave state machine. A conflict (someone — another tab — saved the sheet since it
 * was loaded) stops autosaving until the person reloads: their edits stay on screen so
 * nothing typed is lost, but nothing overwrites the newer sheet unseen.
 */
export function nextSaveState(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'edit':
      return state.kind === 'conflict' || state.kind === 'saving' ? state : { kind: 'dirty' };
    case 'save-start':
      return state.kind === 'conflict' ? state : { kind: 'saving' };
    case 'save-ok':
      return event.dirtyMeanwhile ? { kind: 'dirty' } : { kind: 'saved', at: event.at };
    case 'save-failed':
      return event.conflict ? { kind: 'conflict' } : { kind: 'error', error: event.error };
    case 'reloaded':
      return { kind: 'idle' };
  }
}

/** Autosave only runs from these states (never over a conflict, never twice at once). */
export function shouldAutosave(state: SaveState): boolean {
  return state.kind === 'dirty';
}

/** Points one criterion adds to the weighted score (its share of Σ weights); null unscored. */
export function contribution(
  entry: CriterionDraft | undefined,
  weight: number,
  rubric: ScoreSheet['rubric'],
): number | null {
  if (!entry) return null;
  const parsed = parseScore(entry.score, rubric.scale);
  if (parsed.kind !== 'valid') return null;
  const weightSum = rubric.criteria.reduce((sum, c) => sum + c.weight, 0);
  return weightSum > 0 ? Math.round(((parsed.value * weight) / weightSum) * 100) / 100 : null;
}

/** Whether the scoring window has closed (the deadline passed) at `now`. */
export function scoringClosed(deadline: string | null, now: Date): boolean {
  return deadline !== null && new Date(deadline).getTime() <= now.getTime();
}
