import { Injectable } from '@nestjs/common';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import type { EvaluationStage } from '../stage-publication.schema';
import { StageNotPublishedError, StageNotVisibleError } from '../stage.errors';
import { StageRepository, type StoredPublication } from '../stage.repository';

const PANEL_STAGES: readonly EvaluationStage[] = ['shortlist', 'finalists'];

/** The current publication of a stage: the national admin sees every stage, panelists the shortlist and finalists. */
@Injectable()
export class GetStageUseCase {
  constructor(private readonly stages: StageRepository) {}

  async execute(
    user: AuthenticatedUser,
    editionId: string,
    stage: EvaluationStage,
  ): Promise<StoredPublication> {
    if (!hasAnyRole(user, ['national_admin']) && !PANEL_STAGES.includes(stage)) {
      throw new StageNotVisibleError(stage);
    }
    const publication = await this.stages.latest(editionId, stage);
    if (!publication) throw new StageNotPublishedError(editionId, stage);
    return publication;
  }
}
