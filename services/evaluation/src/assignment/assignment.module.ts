import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  institutionProjectionSchema,
} from '../institution/institution.schema';
import { LeaseModule } from '../lease/lease.module';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { REVIEWER_MODEL, reviewerSchema } from '../reviewer/reviewer.schema';
import { SCORE_SHEET_MODEL, scoreSheetSchema } from '../scoring/score-sheet.schema';
import { SheetStandingsRepository } from '../scoring/sheet-standings.repository';
import {
  ASSIGNMENT_EXCLUSION_MODEL,
  ASSIGNMENT_RUN_MODEL,
  assignmentExclusionSchema,
  assignmentRunSchema,
} from './assignment-run.schema';
import { AssignmentSourcesRepository } from './assignment-sources.repository';
import { AssignmentRepository } from './assignment.repository';
import { ASSIGNMENT_MODEL, assignmentSchema } from './assignment.schema';
import { AssignmentController } from './assignment.controller';
import { AssignExtraEvaluatorUseCase } from './use-cases/assign-extra-evaluator.use-case';
import { EndAssignmentUseCase } from './use-cases/end-assignment.use-case';
import { GetAssignmentExplanationUseCase } from './use-cases/get-assignment-explanation.use-case';
import { ListAssignmentsUseCase } from './use-cases/list-assignments.use-case';
import { ListMyAssignmentsUseCase } from './use-cases/list-my-assignments.use-case';
import { RunAssignmentUseCase } from './use-cases/run-assignment.use-case';

@Module({
  imports: [
    LeaseModule,
    MongooseModule.forFeature([
      { name: ASSIGNMENT_MODEL, schema: assignmentSchema },
      { name: ASSIGNMENT_RUN_MODEL, schema: assignmentRunSchema },
      { name: ASSIGNMENT_EXCLUSION_MODEL, schema: assignmentExclusionSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
      { name: REVIEWER_MODEL, schema: reviewerSchema },
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
      { name: SCORE_SHEET_MODEL, schema: scoreSheetSchema },
    ]),
  ],
  controllers: [AssignmentController],
  providers: [
    AssignmentRepository,
    AssignmentSourcesRepository,
    SheetStandingsRepository,
    AssignExtraEvaluatorUseCase,
    RunAssignmentUseCase,
    ListAssignmentsUseCase,
    GetAssignmentExplanationUseCase,
    ListMyAssignmentsUseCase,
    EndAssignmentUseCase,
  ],
  exports: [AssignExtraEvaluatorUseCase],
})
export class AssignmentModule {}
