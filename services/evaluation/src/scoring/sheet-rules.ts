import type { EditionConfiguration } from '@kipp/contracts';
import { weightedScore } from '../calibration/calibration-math';
import type { CriterionScore } from './score-sheet.schema';
import {
  ScoreOutOfScaleError,
  ScoreSheetIncompleteError,
  UnknownCriterionError,
} from './scoring.errors';

export type Rubric = EditionConfiguration['rubric'];

/**
 * Merges the criteria given into those already on the sheet (a criterion given replaces the
 * one with the same id), refusing criteria outside the rubric and scores outside its scale.
 * Drafts may leave criteria out. The result follows the rubric's order.
 */
export function mergeCriteria(
  rubric: Rubric,
  current: readonly CriterionScore[],
  given: readonly CriterionScore[],
): CriterionScore[] {
  const known = new Set(rubric.criteria.map((c) => c.criterionId));
  const unknown = given.filter((c) => !known.has(c.criterionId)).map((c) => c.criterionId);
  if (unknown.length > 0) throw new UnknownCriterionError([...new Set(unknown)]);
  const { min, max } = rubric.scale;
  const outOfScale = given.filter((c) => c.score < min || c.score > max).map((c) => c.criterionId);
  if (outOfScale.length > 0) throw new ScoreOutOfScaleError(outOfScale, min, max);

  const byId = new Map(current.map((c) => [c.criterionId, c]));
  for (const c of given) byId.set(c.criterionId, { ...c, comment: c.comment.trim() });
  return rubric.criteria.flatMap((c) => {
    const score = byId.get(c.criterionId);
    return score ? [score] : [];
  });
}

/** The weighted score of a complete sheet, or the refusal listing what is missing. */
export function scoreForSubmission(rubric: Rubric, criteria: readonly CriterionScore[]): number {
  const byId = new Map(criteria.map((c) => [c.criterionId, c]));
  const unscored = rubric.criteria
    .filter((c) => !byId.has(c.criterionId))
    .map((c) => c.criterionId);
  const uncommented = rubric.criteria
    .filter((c) => {
      const given = byId.get(c.criterionId);
      return given !== undefined && given.comment.trim() === '';
    })
    .map((c) => c.criterionId);
  const score = weightedScore(rubric, criteria);
  if (unscored.length > 0 || uncommented.length > 0 || score === null) {
    throw new ScoreSheetIncompleteError(unscored, uncommented);
  }
  return score;
}
