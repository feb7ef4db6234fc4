import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AWARD_MODEL, awardSchema } from '../award/award.schema';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  institutionProjectionSchema,
} from '../institution/institution.schema';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { STAGE_PUBLICATION_MODEL, stagePublicationSchema } from '../stage/stage-publication.schema';
import { OutputController } from './output.controller';
import { OutputRepository } from './output.repository';
import { ExportDecreeAnnexUseCase } from './use-cases/export-decree-annex.use-case';
import { ExportDidUseCase } from './use-cases/export-did.use-case';
import { ListUnpsaCandidatesUseCase } from './use-cases/list-unpsa-candidates.use-case';

/** The official outputs of an edition's results: decree annex, DID export, UNPSA candidates. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AWARD_MODEL, schema: awardSchema },
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
      { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
      { name: STAGE_PUBLICATION_MODEL, schema: stagePublicationSchema },
    ]),
  ],
  controllers: [OutputController],
  providers: [
    OutputRepository,
    ExportDecreeAnnexUseCase,
    ExportDidUseCase,
    ListUnpsaCandidatesUseCase,
  ],
  exports: [OutputRepository],
})
export class OutputModule {}
