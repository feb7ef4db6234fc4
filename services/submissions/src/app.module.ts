import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { SubmissionsConfig } from './config/submissions.config';
import { InstitutionModule } from './institution/institution.module';

@Module({})
export class AppModule {
  static register(config: Readonly<SubmissionsConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'submissions', config }), InstitutionModule],
    };
  }
}
