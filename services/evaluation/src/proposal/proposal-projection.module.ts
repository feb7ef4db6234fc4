import { Module } from '@nestjs/common';
import { InstitutionConsumer } from '../institution/institution.consumer';
import { InstitutionModule } from '../institution/institution.module';
import { RecordInstitutionUseCase } from '../institution/use-cases/record-institution.use-case';
import { ProposalConsumer } from './proposal.consumer';
import { ProposalModule } from './proposal.module';
import { RecordForwardedProposalUseCase } from './use-cases/record-forwarded-proposal.use-case';
import { RecordWithdrawnProposalUseCase } from './use-cases/record-withdrawn-proposal.use-case';

/**
 * The consumers that keep the proposal and institution projections. They live together
 * because each writes both (a forward reads the institution, an institution event fills its
 * proposals), and apart from the stores so other features import only the stores.
 * Import once (app.module): each topic has one handler in the service.
 */
@Module({
  imports: [ProposalModule, InstitutionModule],
  providers: [
    RecordForwardedProposalUseCase,
    RecordWithdrawnProposalUseCase,
    ProposalConsumer,
    RecordInstitutionUseCase,
    InstitutionConsumer,
  ],
})
export class ProposalProjectionModule {}
