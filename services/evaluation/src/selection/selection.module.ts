import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EditionModule } from '../edition/edition.module';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { SelectionController } from './selection.controller';
import { SelectionRepository } from './selection.repository';
import { BulkDecideSelectionUseCase } from './use-cases/bulk-decide-selection.use-case';
import { DecideSelectionUseCase } from './use-cases/decide-selection.use-case';
import { GetSelectionSummaryUseCase } from './use-cases/get-selection-summary.use-case';
import { GetSelectionUseCase } from './use-cases/get-selection.use-case';
import { ListInstitutionSelectionUseCase } from './use-cases/list-institution-selection.use-case';
import { ListSelectionUseCase } from './use-cases/list-selection.use-case';

/** Administrative selection: pre-filled checks, decisions one by one or in bulk. */
@Module({
  imports: [
    EditionModule,
    MongooseModule.forFeature([
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
    ]),
  ],
  controllers: [SelectionController],
  providers: [
    SelectionRepository,
    ListSelectionUseCase,
    GetSelectionUseCase,
    DecideSelectionUseCase,
    BulkDecideSelectionUseCase,
    ListInstitutionSelectionUseCase,
    GetSelectionSummaryUseCase,
  ],
})
export class SelectionModule {}
