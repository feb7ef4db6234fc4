import type { EditionConfiguration } from '@kipp/contracts';
import type { CriterionScore } from '../scoring/score-sheet.schema';

export interface CriterionFeedback {
  criterionId: string;
  name: { id: string; en: string };
  weight: number;
  /** Mean of this proposal's scores on the criterion; null when nobody scored it. */
  meanScore: number | null;
  /** Mean of the whole edition's desk scores on the criterion. */
  editionMean: number | null;
  comments: { evaluator: string; comment: string }[];
}

/**
 * Per rubric criterion: this proposal's mean, the edition's mean, and the comments, with
 * the evaluators named only by their position ("Evaluator 1" is the first sheet submitted),
 * never by account, so participants cannot tell who judged them.
 */
export function rubricFeedback(
  rubric: EditionConfiguration['rubric'],
  sheets: readonly { criteria: readonly CriterionScore[] }[],
  editionMeans: ReadonlyMap<string, number>,
): CriterionFeedback[] {
  return rubric.criteria.map((criterion) => {
    const scores: number[] = [];
    const comments: CriterionFeedback['comments'] = [];
    sheets.forEach((sheet, index) => {
      const scored = sheet.criteria.find((entry) => entry.criterionId === criterion.criterionId);
      if (!scored) return;
      scores.push(scored.score);
      const comment = scored.comment.trim();
      if (comment !== '') comments.push({ evaluator: `Evaluator ${index + 1}`, comment });
    });
    const editionMean = editionMeans.get(criterion.criterionId);
    return {
      criterionId: criterion.criterionId,
      name: criterion.name,
      weight: criterion.weight,
      meanScore: scores.length === 0 ? null : round2(mean(scores)),
      editionMean: editionMean === undefined ? null : round2(editionMean),
      comments,
    };
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
