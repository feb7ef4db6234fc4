import type { ServiceAppOptions } from '@kipp/service-kit';
import { AppModule } from './app.module';
import type { EvaluationConfig } from './config/evaluation.config';

/** How the evaluation app is built, the same for `main.ts` and the integration specs. */
export function evaluationAppOptions(config: Readonly<EvaluationConfig>): ServiceAppOptions {
  return {
    name: 'evaluation',
    module: AppModule.register(config),
    // The per-IP limits of objections and certificate checks read req.ip, which is the
    // client's only behind trusted proxies.
    configureApp: (app) => app.set('trust proxy', config.TRUST_PROXY),
  };
}
