import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AWARD_MODEL, awardSchema } from '../award/award.schema';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { SCORE_SHEET_MODEL, scoreSheetSchema } from '../scoring/score-sheet.schema';
import { STAGE_PUBLICATION_MODEL, stagePublicationSchema } from '../stage/stage-publication.schema';
import { FeedbackController } from './feedback.controller';
import { FeedbackRepository } from './feedback.repository';
import { GetFeedbackUseCase } from './use-cases/get-feedback.use-case';

/** Rubric-level feedback to participants once the results are out. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
      { name: SCORE_SHEET_MODEL, schema: scoreSheetSchema },
      { name: STAGE_PUBLICATION_MODEL, schema: stagePublicationSchema },
      { name: AWARD_MODEL, schema: awardSchema },
    ]),
  ],
  controllers: [FeedbackController],
  providers: [FeedbackRepository, GetFeedbackUseCase],
})
export class FeedbackModule {}
