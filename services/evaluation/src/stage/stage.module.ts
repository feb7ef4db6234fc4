import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DESK_RESULT_MODEL, deskResultSchema } from '../calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  institutionProjectionSchema,
} from '../institution/institution.schema';
import { LeaseModule } from '../lease/lease.module';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL, stagePublicationSchema } from './stage-publication.schema';
import { StageController } from './stage.controller';
import { StageRepository } from './stage.repository';
import { ComputeStageUseCase } from './use-cases/compute-stage.use-case';
import { GetInstitutionResultsUseCase } from './use-cases/get-institution-results.use-case';
import { GetStageUseCase } from './use-cases/get-stage.use-case';
import { ListPublicFinalistsUseCase } from './use-cases/list-public-finalists.use-case';
import { PreviewStageUseCase } from './use-cases/preview-stage.use-case';
import { PublishStageUseCase } from './use-cases/publish-stage.use-case';

/** Desk ranking, shortlist and finalists: computed, previewed, published under a lease. */
@Module({
  imports: [
    LeaseModule,
    MongooseModule.forFeature([
      { name: STAGE_PUBLICATION_MODEL, schema: stagePublicationSchema },
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
      { name: DESK_RESULT_MODEL, schema: deskResultSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
    ]),
  ],
  controllers: [StageController],
  providers: [
    StageRepository,
    ComputeStageUseCase,
    PublishStageUseCase,
    PreviewStageUseCase,
    GetStageUseCase,
    ListPublicFinalistsUseCase,
    GetInstitutionResultsUseCase,
  ],
  exports: [StageRepository, ListPublicFinalistsUseCase],
})
export class StageModule {}
