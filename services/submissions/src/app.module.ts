import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { SubmissionsConfig } from './config/submissions.config';
import { EvidenceModule } from './evidence/evidence.module';
import { InnovationModule } from './innovation/innovation.module';
import { InstitutionModule } from './institution/institution.module';
import { ProposalModule } from './proposal/proposal.module';
import { ReaderGrantModule } from './reader-grant/reader-grant.module';
import { StalledModule } from './stalled/stalled.module';

@Module({})
export class AppModule {
  static register(config: Readonly<SubmissionsConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'submissions', config }),
        InstitutionModule,
        InnovationModule,
        ProposalModule,
        ReaderGrantModule,
        EvidenceModule.register(config),
        StalledModule.register(config),
      ],
    };
  }
}
