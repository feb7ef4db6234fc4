import { Injectable } from '@nestjs/common';
import {
  krippendorffAlphaInterval,
  normalizeScores,
  type EvaluatorStatistics,
} from '../calibration-math';
import { CalibrationRepository } from '../calibration.repository';
import type { DeskResult } from '../desk-result.schema';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';

export interface CalibrationOverview {
  readonly editionId: string;
  readonly minScoresForNormalization: number;
  readonly divergenceMargin: number;
  readonly globalMean: number | null;
  readonly globalSd: number | null;
  readonly agreement: { readonly desk: number | null; readonly panel: number | null };
  readonly evaluators: EvaluatorStatistics[];
  readonly proposals: { total: number; page: number; pageSize: number; items: DeskResult[] };
  readonly divergent: DeskResult[];
}

/**
 * What the secretariat sees of calibration: per-evaluator statistics and agreement as the
 * scores stand now, and each proposal's raw and normalised mean as of the last run.
 */
@Injectable()
export class GetCalibrationUseCase {
  constructor(private readonly repository: CalibrationRepository) {}

  async execute(
    editionId: string,
    paging: { page: number; pageSize: number },
  ): Promise<CalibrationOverview> {
    const edition = requireEvaluatedEdition(
      editionId,
      await this.repository.findEdition(editionId),
    );
    const [desk, panel, page, divergent] = await Promise.all([
      this.repository.editionScores(editionId, 'desk'),
      this.repository.editionScores(editionId, 'panel'),
      this.repository.page(editionId, (paging.page - 1) * paging.pageSize, paging.pageSize),
      this.repository.divergent(editionId),
    ]);
    const normalization = normalizeScores(
      desk,
      edition.evaluation.minScoresForNormalization,
      edition.configuration.rubric.scale,
    );
    return {
      editionId,
      minScoresForNormalization: edition.evaluation.minScoresForNormalization,
      divergenceMargin: edition.evaluation.divergenceMargin,
      globalMean: normalization.globalMean,
      globalSd: normalization.globalSd,
      agreement: { desk: krippendorffAlphaInterval(desk), panel: krippendorffAlphaInterval(panel) },
      evaluators: normalization.evaluators,
      proposals: { ...page, page: paging.page, pageSize: paging.pageSize },
      divergent,
    };
  }
}
