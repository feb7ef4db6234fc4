import { Module, type DynamicModule } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { GatewayEdge } from './edge/gateway-edge';
import { OpenApiAggregator } from './openapi/openapi-aggregator';
import { PortalHost } from './portal-host/portal-host';
import { RateLimiter } from './rate-limit/rate-limiter';
import { ApiRouter } from './routing/api-router';
import { UpstreamProxy } from './routing/upstream-proxy';
import { Upstreams } from './routing/upstreams';
import { CheckUpstreamsUseCase } from './upstream-health/use-cases/check-upstreams.use-case';
import { UpstreamHealthController } from './upstream-health/upstream-health.controller';

/** The edge: routing, limits, browser policy, documentation and the portal. */
@Module({})
export class GatewayModule {
  static register(config: Readonly<GatewayConfig>): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [UpstreamHealthController],
      providers: [
        { provide: GATEWAY_CONFIG, useValue: config },
        Upstreams,
        UpstreamProxy,
        ApiRouter,
        RateLimiter,
        OpenApiAggregator,
        PortalHost,
        CheckUpstreamsUseCase,
        GatewayEdge,
      ],
      exports: [GatewayEdge],
    };
  }
}
