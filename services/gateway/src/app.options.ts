import type { ServiceAppOptions } from '@kipp/service-kit';
import { AppModule } from './app.module';
import type { GatewayConfig } from './config/gateway.config';
import { GatewayEdge } from './edge/gateway-edge';

/** How the gateway app is built, the same for `main.ts` and the integration specs. */
export function gatewayAppOptions(config: Readonly<GatewayConfig>): ServiceAppOptions {
  return {
    name: 'gateway',
    module: AppModule.register(config),
    // Bodies pass through to the services as streams; parsing one would consume it.
    parseBodies: false,
    configureApp: (app) => {
      app.get(GatewayEdge).install(app);
    },
  };
}
