import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ASSIGNMENT_MODEL, assignmentSchema } from '../assignment/assignment.schema';
import { CalibrationModule } from '../calibration/calibration.module';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { InstitutionModule } from '../institution/institution.module';
import { ProposalModule } from '../proposal/proposal.module';
import { ReviewerModule } from '../reviewer/reviewer.module';
import { StageModule } from '../stage/stage.module';
import { STAGE_PUBLICATION_MODEL, stagePublicationSchema } from '../stage/stage-publication.schema';
import { ScoreConsumer } from './score.consumer';
import { SheetTargetResolver } from './score-sheet-target';
import { SCORE_SHEET_MODEL, scoreSheetSchema } from './score-sheet.schema';
import { ScoringController } from './scoring.controller';
import { ScoringRepository } from './scoring.repository';
import { SheetStandingsRepository } from './sheet-standings.repository';
import { GetScoreSheetUseCase } from './use-cases/get-score-sheet.use-case';
import { GetScoringProgressUseCase } from './use-cases/get-scoring-progress.use-case';
import { ListDeskScoresUseCase } from './use-cases/list-desk-scores.use-case';
import { ListMyPanelSheetsUseCase } from './use-cases/list-my-panel-sheets.use-case';
import { SaveScoreSheetUseCase } from './use-cases/save-score-sheet.use-case';
import { SubmitScoreSheetUseCase } from './use-cases/submit-score-sheet.use-case';

@Module({
  imports: [
    CalibrationModule,
    ProposalModule,
    InstitutionModule,
    ReviewerModule,
    StageModule,
    MongooseModule.forFeature([
      { name: SCORE_SHEET_MODEL, schema: scoreSheetSchema },
      { name: ASSIGNMENT_MODEL, schema: assignmentSchema },
      { name: STAGE_PUBLICATION_MODEL, schema: stagePublicationSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
    ]),
  ],
  controllers: [ScoringController],
  providers: [
    ScoringRepository,
    SheetTargetResolver,
    GetScoreSheetUseCase,
    SaveScoreSheetUseCase,
    SubmitScoreSheetUseCase,
    GetScoringProgressUseCase,
    SheetStandingsRepository,
    ListMyPanelSheetsUseCase,
    ListDeskScoresUseCase,
    ScoreConsumer,
  ],
})
export class ScoringModule {}
