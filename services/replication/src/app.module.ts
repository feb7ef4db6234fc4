import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import { AnalyticsModule } from './analytics/analytics.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { CheckInsModule } from './check-ins/check-ins.module';
import type { ReplicationConfig } from './config/replication.config';
import { DirectoryModule } from './directory/directory.module';
import { LedgerModule } from './ledger/ledger.module';
import { VisitsModule } from './visits/visits.module';

@Module({})
export class AppModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'replication', config }),
        DirectoryModule,
        CatalogueModule.register(config),
        LedgerModule.register(config),
        VisitsModule.register(config),
        CheckInsModule.register(config),
        AnalyticsModule.register(config),
      ],
    };
  }
}
