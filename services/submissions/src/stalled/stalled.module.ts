import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from '../edition/edition.schema';
import { EditionModule } from '../edition/edition.module';
import { ProposalModule } from '../proposal/proposal.module';
import { PROPOSAL_MODEL, proposalSchema } from '../proposal/proposal.schema';
import { ProposalNudgeController } from './proposal-nudge.controller';
import type { StalledThreshold } from './stalled-thresholds';
import { StalledController } from './stalled.controller';
import { STALLED_OPTIONS, type StalledOptions } from './stalled.options';
import { StalledRepository } from './stalled.repository';
import { StalledScheduler } from './stalled.scheduler';
import { DetectStalledProposalsUseCase } from './use-cases/detect-stalled-proposals.use-case';
import { GetDraftsReportUseCase } from './use-cases/get-drafts-report.use-case';
import { NudgeProposalUseCase } from './use-cases/nudge-proposal.use-case';

export interface StalledModuleConfig {
  readonly STALLED_SCAN_ENABLED: boolean;
  readonly STALLED_SCAN_INTERVAL_MS: number;
  readonly STALLED_THRESHOLDS: readonly StalledThreshold[];
}

const SCAN_BATCH_SIZE = 200;

/**
 * Stuck drafts: the detector that nudges them before the close, the local admin's nudge by
 * hand, and the drafts report.
 */
@Module({})
export class StalledModule {
  static register(config: StalledModuleConfig): DynamicModule {
    const options: StalledOptions = {
      scanEnabled: config.STALLED_SCAN_ENABLED,
      scanIntervalMs: config.STALLED_SCAN_INTERVAL_MS,
      thresholds: config.STALLED_THRESHOLDS,
      batchSize: SCAN_BATCH_SIZE,
    };
    return {
      module: StalledModule,
      imports: [
        EditionModule,
        ProposalModule,
        MongooseModule.forFeature([
          { name: PROPOSAL_MODEL, schema: proposalSchema },
          { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
        ]),
      ],
      controllers: [StalledController, ProposalNudgeController],
      providers: [
        { provide: STALLED_OPTIONS, useValue: options },
        StalledRepository,
        DetectStalledProposalsUseCase,
        GetDraftsReportUseCase,
        NudgeProposalUseCase,
        StalledScheduler,
      ],
    };
  }
}
