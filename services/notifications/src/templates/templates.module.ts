import { Global, Module, type DynamicModule } from '@nestjs/common';
import { sealingKeyFromBase64 } from '@kipp/service-kit';
import type { NotificationsConfig } from '../config/notifications.config';
import { HandlebarsTemplateRenderer } from './handlebars-template-renderer';
import { TemplateRenderer } from './template-renderer';

/** Provides `TemplateRenderer` (the abstract class is the token) to every module. */
@Global()
@Module({})
export class TemplatesModule {
  static register(config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: TemplatesModule,
      providers: [
        {
          provide: TemplateRenderer,
          useFactory: () =>
            new HandlebarsTemplateRenderer({
              portalUrl: config.PORTAL_URL,
              resetSealingKeys: [
                sealingKeyFromBase64(
                  config.PASSWORD_RESET_SEALING_KEY_ID,
                  config.PASSWORD_RESET_SEALING_KEY,
                ),
              ],
            }),
        },
      ],
      exports: [TemplateRenderer],
    };
  }
}
