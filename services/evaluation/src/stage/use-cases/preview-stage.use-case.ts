import { Injectable } from '@nestjs/common';
import type { StageEntry } from '../stage-publication.schema';
import { requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { StageRepository } from '../stage.repository';
import { ComputeStageUseCase, type PublishableStage } from './compute-stage.use-case';

export interface StagePreview {
  editionId: string;
  stage: PublishableStage;
  entries: StageEntry[];
  report: Record<string, unknown>;
}

/** What publishing the stage now would publish, without writing anything. */
@Injectable()
export class PreviewStageUseCase {
  constructor(
    private readonly stages: StageRepository,
    private readonly compute: ComputeStageUseCase,
  ) {}

  async execute(editionId: string, stage: PublishableStage): Promise<StagePreview> {
    const edition = requireEvaluatedEdition(editionId, await this.stages.findEdition(editionId));
    const computed = await this.compute.execute(edition, stage);
    return { editionId, stage, entries: computed.entries, report: computed.report };
  }
}
