import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { EvaluationConfig } from '../config/evaluation.config';
import { EVALUATION_PROPOSAL_MODEL, evaluationProposalSchema } from '../proposal/proposal.schema';
import { StageModule } from '../stage/stage.module';
import { ObjectionController } from './objection.controller';
import { ObjectionEvidenceStorage } from './objection-evidence.storage';
import {
  OBJECTION_RATE_OPTIONS,
  ObjectionRateLimiter,
  type ObjectionRateOptions,
} from './objection-rate-limiter';
import { ObjectionRepository } from './objection.repository';
import { OBJECTION_MODEL, objectionSchema } from './objection.schema';
import { DownloadObjectionEvidenceUseCase } from './use-cases/download-objection-evidence.use-case';
import { FileObjectionUseCase } from './use-cases/file-objection.use-case';
import { ListObjectionsUseCase } from './use-cases/list-objections.use-case';
import { ListPublicObjectionsUseCase } from './use-cases/list-public-objections.use-case';
import { ResolveObjectionUseCase } from './use-cases/resolve-objection.use-case';

/** Public objections against finalists: filing in the window, resolution, public outcomes. */
@Module({})
export class ObjectionModule {
  static register(
    config: Pick<EvaluationConfig, 'OBJECTION_RATE_LIMIT' | 'OBJECTION_RATE_WINDOW_SECONDS'>,
  ): DynamicModule {
    const rate: ObjectionRateOptions = {
      limit: config.OBJECTION_RATE_LIMIT,
      windowSeconds: config.OBJECTION_RATE_WINDOW_SECONDS,
    };
    return {
      module: ObjectionModule,
      imports: [
        StageModule,
        MongooseModule.forFeature([
          { name: OBJECTION_MODEL, schema: objectionSchema },
          { name: EVALUATION_PROPOSAL_MODEL, schema: evaluationProposalSchema },
        ]),
      ],
      controllers: [ObjectionController],
      providers: [
        { provide: OBJECTION_RATE_OPTIONS, useValue: rate },
        ObjectionRepository,
        ObjectionEvidenceStorage,
        ObjectionRateLimiter,
        FileObjectionUseCase,
        ListObjectionsUseCase,
        ListPublicObjectionsUseCase,
        DownloadObjectionEvidenceUseCase,
        ResolveObjectionUseCase,
      ],
    };
  }
}
