import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import type { NotificationsConfig } from './config/notifications.config';
import { MailModule } from './mail/mail.module';

@Module({})
export class AppModule {
  static register(config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'notifications', config }),
        MailModule.register({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          from: config.SMTP_FROM,
        }),
      ],
    };
  }
}
