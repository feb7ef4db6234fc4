import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AssignmentModule } from '../assignment/assignment.module';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { LeaseModule } from '../lease/lease.module';
import { SCORE_SHEET_MODEL, scoreSheetSchema } from '../scoring/score-sheet.schema';
import { CalibrationController } from './calibration.controller';
import { CalibrationRepository } from './calibration.repository';
import { DESK_RESULT_MODEL, deskResultSchema } from './desk-result.schema';
import { GetCalibrationUseCase } from './use-cases/get-calibration.use-case';
import { RecordDeskScoreUseCase } from './use-cases/record-desk-score.use-case';
import { RunCalibrationUseCase } from './use-cases/run-calibration.use-case';

@Module({
  imports: [
    AssignmentModule,
    LeaseModule,
    MongooseModule.forFeature([
      { name: DESK_RESULT_MODEL, schema: deskResultSchema },
      { name: SCORE_SHEET_MODEL, schema: scoreSheetSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
    ]),
  ],
  controllers: [CalibrationController],
  providers: [
    CalibrationRepository,
    RecordDeskScoreUseCase,
    RunCalibrationUseCase,
    GetCalibrationUseCase,
  ],
  exports: [RecordDeskScoreUseCase],
})
export class CalibrationModule {}
