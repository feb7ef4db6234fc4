import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import type { SubmissionsConfig } from '../config/submissions.config';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { PROPOSAL_MODEL, proposalSchema } from '../proposal/proposal.schema';
import { SubmissionWindow } from '../proposal/submission-window';
import { ReaderGrantModule } from '../reader-grant/reader-grant.module';
import { EvidenceController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { EVIDENCE_STORAGE, type EvidenceStorage } from './evidence-storage';
import { EVIDENCE_SWEEP_OPTIONS, type EvidenceSweepOptions } from './evidence-sweep.options';
import { EvidenceSweepScheduler } from './evidence-sweep.scheduler';
import { StreamingEvidenceEngine } from './evidence-upload.engine';
import { GridFsEvidenceStorage } from './gridfs-evidence-storage';
import { DeleteEvidenceUseCase } from './use-cases/delete-evidence.use-case';
import { DownloadEvidenceUseCase } from './use-cases/download-evidence.use-case';
import { SweepOrphanEvidenceUseCase } from './use-cases/sweep-orphan-evidence.use-case';
import { UploadEvidenceUseCase } from './use-cases/upload-evidence.use-case';

/** One implementation per `EVIDENCE_STORAGE` value; an S3-compatible one can be added here. */
const STORAGE_CLASSES = {
  gridfs: GridFsEvidenceStorage,
} as const satisfies Record<
  SubmissionsConfig['EVIDENCE_STORAGE'],
  new (...args: never[]) => EvidenceStorage
>;

export type EvidenceModuleConfig = Pick<
  SubmissionsConfig,
  'EVIDENCE_STORAGE' | 'EVIDENCE_SWEEP_INTERVAL_MS' | 'EVIDENCE_ORPHAN_MIN_AGE_MS'
>;

const SWEEP_PAGE_SIZE = 200;

function storageProvider(config: Pick<SubmissionsConfig, 'EVIDENCE_STORAGE'>): Provider {
  return { provide: EVIDENCE_STORAGE, useClass: STORAGE_CLASSES[config.EVIDENCE_STORAGE] };
}

/** The configured `EvidenceStorage`, shared by the use cases and the upload engine. */
@Module({})
class EvidenceStorageModule {
  static register(config: Pick<SubmissionsConfig, 'EVIDENCE_STORAGE'>): DynamicModule {
    return {
      module: EvidenceStorageModule,
      providers: [storageProvider(config)],
      exports: [EVIDENCE_STORAGE],
    };
  }
}

/**
 * Evidence files of proposals: upload, download, removal, behind `EvidenceStorage`, and the
 * periodic sweep of files no proposal references.
 */
@Module({})
export class EvidenceModule {
  static register(config: EvidenceModuleConfig): DynamicModule {
    const sweep: EvidenceSweepOptions = {
      intervalMs: config.EVIDENCE_SWEEP_INTERVAL_MS,
      minAgeMs: config.EVIDENCE_ORPHAN_MIN_AGE_MS,
      pageSize: SWEEP_PAGE_SIZE,
    };
    const storage = EvidenceStorageModule.register(config);
    return {
      module: EvidenceModule,
      imports: [
        MongooseModule.forFeature([
          { name: PROPOSAL_MODEL, schema: proposalSchema },
          { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
        ]),
        storage,
        ReaderGrantModule,
        // Uploads stream into the evidence storage instead of being held in memory.
        MulterModule.registerAsync({
          imports: [storage],
          inject: [EVIDENCE_STORAGE],
          useFactory: (evidenceStorage: EvidenceStorage) => ({
            storage: new StreamingEvidenceEngine(evidenceStorage),
          }),
        }),
      ],
      controllers: [EvidenceController],
      providers: [
        { provide: EVIDENCE_SWEEP_OPTIONS, useValue: sweep },
        EvidenceRepository,
        SubmissionWindow,
        UploadEvidenceUseCase,
        DownloadEvidenceUseCase,
        DeleteEvidenceUseCase,
        SweepOrphanEvidenceUseCase,
        EvidenceSweepScheduler,
      ],
    };
  }
}
