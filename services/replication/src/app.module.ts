import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { ReplicationConfig } from './config/replication.config';

@Module({})
export class AppModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'replication', config })],
    };
  }
}
