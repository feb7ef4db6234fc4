import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AWARD_MODEL, awardSchema } from '../award/award.schema';
import { DESK_RESULT_MODEL, deskResultSchema } from '../calibration/desk-result.schema';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  institutionProjectionSchema,
} from '../institution/institution.schema';
import { LeaseModule } from '../lease/lease.module';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { SCORE_SHEET_MODEL, scoreSheetSchema } from '../scoring/score-sheet.schema';
import { STAGE_PUBLICATION_MODEL, stagePublicationSchema } from '../stage/stage-publication.schema';
import { FinalistsRepository } from './finalists.repository';
import { PlenaryController } from './plenary.controller';
import { PlenaryInputsLoader } from './plenary-inputs';
import { PlenaryRepository } from './plenary.repository';
import { GetPublicResultsUseCase } from './use-cases/get-public-results.use-case';
import { ListAwardsUseCase } from './use-cases/list-awards.use-case';
import { PreviewPlenaryUseCase } from './use-cases/preview-plenary.use-case';
import { PublishPlenaryUseCase } from './use-cases/publish-plenary.use-case';

/** The models the finalists are read from (interview and field verification use them too). */
export const FINALIST_MODELS = [
  { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
  { name: STAGE_PUBLICATION_MODEL, schema: stagePublicationSchema },
  { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
];

/** Plenary: final tiers, their publication, awards and the public results. */
@Module({
  imports: [
    LeaseModule,
    MongooseModule.forFeature([
      ...FINALIST_MODELS,
      { name: SCORE_SHEET_MODEL, schema: scoreSheetSchema },
      { name: DESK_RESULT_MODEL, schema: deskResultSchema },
      { name: AWARD_MODEL, schema: awardSchema },
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
    ]),
  ],
  controllers: [PlenaryController],
  providers: [
    FinalistsRepository,
    PlenaryRepository,
    PlenaryInputsLoader,
    PreviewPlenaryUseCase,
    PublishPlenaryUseCase,
    ListAwardsUseCase,
    GetPublicResultsUseCase,
  ],
})
export class PlenaryModule {}
