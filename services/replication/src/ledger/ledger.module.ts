import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MulterModule } from '@nestjs/platform-express';
import type { ReplicationConfig } from '../config/replication.config';
import { EvidenceUploadErrorsInterceptor } from './evidence-upload.interceptor';
import { LedgerConsumer } from './ledger.consumer';
import { LedgerController } from './ledger.controller';
import { ProposalLinker } from './proposal-linker';
import { ReplicationEvidenceStorage } from './replication-evidence.storage';
import { ReplicationLinkRepository } from './replication-link.repository';
import { REPLICATION_LINK_MODEL, replicationLinkSchema } from './replication-link.schema';
import { ChangeReplicationUseCase } from './use-cases/change-replication.use-case';
import { DownloadReplicationEvidenceUseCase } from './use-cases/download-replication-evidence.use-case';
import { GetReplicationUseCase } from './use-cases/get-replication.use-case';
import { ListPublicReplicationsUseCase } from './use-cases/list-public-replications.use-case';
import { ListReplicationsUseCase } from './use-cases/list-replications.use-case';
import {
  LEDGER_OPTIONS,
  MAX_REPLICATION_FILES,
  RegisterReplicationUseCase,
  type LedgerOptions,
} from './use-cases/register-replication.use-case';
import { WithdrawProposalLinksUseCase } from './use-cases/withdraw-proposal-links.use-case';

/**
 * The replication ledger: links from adopting institutions to innovations of the public
 * database, with evidence, the origin's counter-signature or dispute and the adopter's
 * status. Global so that the catalogue's forwarded-proposal handler reaches `ProposalLinker`.
 */
@Module({})
export class LedgerModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    const options: LedgerOptions = { evidenceMaxBytes: config.REPLICATION_EVIDENCE_MAX_BYTES };
    const models = MongooseModule.forFeature([
      { name: REPLICATION_LINK_MODEL, schema: replicationLinkSchema },
    ]);
    return {
      module: LedgerModule,
      global: true,
      imports: [
        models,
        // Memory storage (multer's default): files are checked whole before any is stored.
        MulterModule.register({
          limits: {
            fileSize: options.evidenceMaxBytes,
            files: MAX_REPLICATION_FILES,
            fields: 10,
            fieldSize: 4_000,
          },
        }),
      ],
      controllers: [LedgerController],
      providers: [
        { provide: LEDGER_OPTIONS, useValue: options },
        ReplicationLinkRepository,
        ReplicationEvidenceStorage,
        EvidenceUploadErrorsInterceptor,
        RegisterReplicationUseCase,
        ChangeReplicationUseCase,
        GetReplicationUseCase,
        ListReplicationsUseCase,
        ListPublicReplicationsUseCase,
        DownloadReplicationEvidenceUseCase,
        WithdrawProposalLinksUseCase,
        LedgerConsumer,
        ProposalLinker,
      ],
      exports: [ProposalLinker, models],
    };
  }
}
