import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { GatewayConfig } from './config/gateway.config';

@Module({})
export class AppModule {
  static register(config: Readonly<GatewayConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot({ service: 'gateway', config })],
    };
  }
}
