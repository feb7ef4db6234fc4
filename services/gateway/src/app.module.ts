import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { GatewayConfig } from './config/gateway.config';
import { GatewayModule } from './gateway.module';

@Module({})
export class AppModule {
  static register(config: Readonly<GatewayConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'gateway', config }),
        GatewayModule.register(config),
      ],
    };
  }
}
