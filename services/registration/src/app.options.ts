import type { ServiceAppOptions } from '@kipp/service-kit';
import { AppModule } from './app.module';
import type { RegistrationConfig } from './config/registration.config';

/** How the registration app is built, the same for `main.ts` and the integration specs. */
export function registrationAppOptions(config: Readonly<RegistrationConfig>): ServiceAppOptions {
  return {
    name: 'registration',
    module: AppModule.register(config),
    // Evaluator and institution imports carry up to 2 MB of CSV inside the JSON body.
    bodyLimit: '3mb',
    // The per-IP sign-in limit reads req.ip, which is right only behind trusted proxies.
    configureApp: (app) => app.set('trust proxy', config.TRUST_PROXY),
  };
}
