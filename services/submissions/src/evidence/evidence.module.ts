import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { SubmissionsConfig } from '../config/submissions.config';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { PROPOSAL_MODEL, proposalSchema } from '../proposal/proposal.schema';
import { SubmissionWindow } from '../proposal/submission-window';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EVIDENCE_STORAGE, type EvidenceStorage } from './evidence-storage';
import { GridFsEvidenceStorage } from './gridfs-evidence-storage';
import { DeleteEvidenceUseCase } from './use-cases/delete-evidence.use-case';
import { DownloadEvidenceUseCase } from './use-cases/download-evidence.use-case';
import { UploadEvidenceUseCase } from './use-cases/upload-evidence.use-case';

/** One implementation per `EVIDENCE_STORAGE` value; an S3-compatible one can be added here. */
const STORAGE_CLASSES = {
  gridfs: GridFsEvidenceStorage,
} as const satisfies Record<
  SubmissionsConfig['EVIDENCE_STORAGE'],
  new (...args: never[]) => EvidenceStorage
>;

function storageProvider(config: Pick<SubmissionsConfig, 'EVIDENCE_STORAGE'>): Provider {
  return { provide: EVIDENCE_STORAGE, useClass: STORAGE_CLASSES[config.EVIDENCE_STORAGE] };
}

/** Evidence files of proposals: upload, download, removal, behind `EvidenceStorage`. */
@Module({})
export class EvidenceModule {
  static register(config: Pick<SubmissionsConfig, 'EVIDENCE_STORAGE'>): DynamicModule {
    return {
      module: EvidenceModule,
      imports: [
        MongooseModule.forFeature([
          { name: PROPOSAL_MODEL, schema: proposalSchema },
          { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
        ]),
      ],
      controllers: [EvidenceController],
      providers: [
        storageProvider(config),
        EvidenceRepository,
        SubmissionWindow,
        UploadEvidenceUseCase,
        DownloadEvidenceUseCase,
        DeleteEvidenceUseCase,
      ],
    };
  }
}
