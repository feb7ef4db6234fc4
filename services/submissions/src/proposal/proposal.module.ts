import { Module } from '@nestjs/common';
import { InnovationModule } from '../innovation/innovation.module';
import { MongooseModule } from '@nestjs/mongoose';
import { EditionModule } from '../edition/edition.module';
import { EligibilityRunner } from './eligibility-runner';
import { ProposalController } from './proposal.controller';
import { ProposalLoader } from './proposal-loader';
import { ProposalRepository } from './proposal.repository';
import { PROPOSAL_MODEL, proposalSchema } from './proposal.schema';
import { QuotaUsageRepository } from './quota-usage.repository';
import { QUOTA_USAGE_MODEL, quotaUsageSchema } from './quota-usage.schema';
import { SubmissionWindow } from './submission-window';
import { CreateProposalUseCase } from './use-cases/create-proposal.use-case';
import { ForwardProposalUseCase } from './use-cases/forward-proposal.use-case';
import { GetProposalUseCase } from './use-cases/get-proposal.use-case';
import { ListProposalsUseCase } from './use-cases/list-proposals.use-case';
import { ReturnProposalUseCase } from './use-cases/return-proposal.use-case';
import { SaveProposalUseCase } from './use-cases/save-proposal.use-case';
import { SignIntegrityDeclarationUseCase } from './use-cases/sign-integrity-declaration.use-case';
import { SubmitProposalUseCase } from './use-cases/submit-proposal.use-case';
import { WithdrawProposalUseCase } from './use-cases/withdraw-proposal.use-case';
import { QuotaUsageController } from './quota-usage.controller';
import { GetQuotaUsageUseCase } from './use-cases/get-quota-usage.use-case';

@Module({
  imports: [
    EditionModule,
    InnovationModule,
    MongooseModule.forFeature([
      { name: PROPOSAL_MODEL, schema: proposalSchema },
      { name: QUOTA_USAGE_MODEL, schema: quotaUsageSchema },
    ]),
  ],
  controllers: [ProposalController, QuotaUsageController],
  providers: [
    ProposalRepository,
    QuotaUsageRepository,
    GetQuotaUsageUseCase,
    ProposalLoader,
    SubmissionWindow,
    EligibilityRunner,
    CreateProposalUseCase,
    ListProposalsUseCase,
    GetProposalUseCase,
    SaveProposalUseCase,
    SignIntegrityDeclarationUseCase,
    SubmitProposalUseCase,
    ReturnProposalUseCase,
    ForwardProposalUseCase,
    WithdrawProposalUseCase,
  ],
  exports: [ProposalRepository, ProposalLoader, SubmissionWindow],
})
export class ProposalModule {}
