import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProposalRepository } from './proposal.repository';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from './proposal.schema';

/** The forwarded proposals' store, importable by every later stage for `ProposalRepository`. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
    ]),
  ],
  providers: [ProposalRepository],
  exports: [ProposalRepository],
})
export class ProposalModule {}
