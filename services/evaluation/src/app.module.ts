import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { EvaluationConfig } from './config/evaluation.config';

@Module({})
export class AppModule {
  static register(config: Readonly<EvaluationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'evaluation', config })],
    };
  }
}
