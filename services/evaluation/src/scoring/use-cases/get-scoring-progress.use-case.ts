import { Injectable } from '@nestjs/common';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { compareIds } from '../../calibration/calibration-math';
import { ScoringRepository } from '../scoring.repository';

export interface EvaluatorProgress {
  readonly evaluatorId: string;
  readonly assigned: number;
  readonly draft: number;
  readonly submitted: number;
}

export interface ScoringProgress {
  readonly editionId: string | null;
  readonly evaluators: EvaluatorProgress[];
  readonly overall: { assigned: number; submitted: number; percentSubmitted: number };
}

/** Desk scoring progress: of an edition (secretariat) or of the calling evaluator. */
@Injectable()
export class GetScoringProgressUseCase {
  constructor(private readonly repository: ScoringRepository) {}

  /** Every evaluator of the edition, or only `evaluatorId` (across editions when none given). */
  async execute(query: {
    readonly editionId: string | null;
    readonly evaluatorId?: string;
  }): Promise<ScoringProgress> {
    const { editionId, evaluatorId } = query;
    if (editionId) requireEvaluatedEdition(editionId, await this.repository.findEdition(editionId));
    const [assigned, sheets] = await Promise.all([
      this.repository.assignedCounts(editionId, evaluatorId),
      this.repository.deskSheetCounts(editionId, evaluatorId),
    ]);
    const byScorer = new Map(sheets.map((s) => [s.scorerId, s]));
    const ids = [...new Set([...assigned.keys(), ...byScorer.keys()])].sort(compareIds);
    const evaluators = ids.map((id) => ({
      evaluatorId: id,
      assigned: assigned.get(id) ?? 0,
      draft: byScorer.get(id)?.draft ?? 0,
      submitted: byScorer.get(id)?.submitted ?? 0,
    }));
    const totalAssigned = evaluators.reduce((sum, e) => sum + e.assigned, 0);
    const totalSubmitted = evaluators.reduce((sum, e) => sum + e.submitted, 0);
    return {
      editionId,
      evaluators,
      overall: {
        assigned: totalAssigned,
        submitted: totalSubmitted,
        percentSubmitted:
          totalAssigned === 0 ? 0 : Math.round((totalSubmitted / totalAssigned) * 1000) / 10,
      },
    };
  }
}
