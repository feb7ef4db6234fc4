import { Module, type DynamicModule } from '@nestjs/common';
import type { ReplicationConfig } from '../config/replication.config';
import { AnalyticsCache } from './analytics.cache';
import { AnalyticsController } from './analytics.controller';
import { ANALYTICS_OPTIONS, type AnalyticsOptions } from './analytics.options';
import { AnalyticsRepository } from './analytics.repository';
import { GetInnovationDiffusionUseCase } from './use-cases/get-innovation-diffusion.use-case';
import { GetNationalDiffusionUseCase } from './use-cases/get-national-diffusion.use-case';
import { GetProvinceDiffusionUseCase } from './use-cases/get-province-diffusion.use-case';

/** Diffusion analytics: public, read-only figures over the catalogue and the ledger. */
@Module({})
export class AnalyticsModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    const options: AnalyticsOptions = {
      database: config.MONGO_DB,
      cacheTtlSeconds: config.ANALYTICS_CACHE_TTL_SECONDS,
    };
    return {
      module: AnalyticsModule,
      controllers: [AnalyticsController],
      providers: [
        { provide: ANALYTICS_OPTIONS, useValue: options },
        AnalyticsCache,
        AnalyticsRepository,
        GetInnovationDiffusionUseCase,
        GetProvinceDiffusionUseCase,
        GetNationalDiffusionUseCase,
      ],
    };
  }
}
