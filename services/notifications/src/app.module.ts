import { Module, type DynamicModule } from '@nestjs/common';
import { PlatformModule } from '@kipp/service-kit';
import { BroadcastModule } from './broadcast/broadcast.module';
import type { NotificationsConfig } from './config/notifications.config';
import { DeliveryModule } from './delivery/delivery.module';
import { DirectoryModule } from './directory/directory.module';
import { InboxModule } from './inbox/inbox.module';
import { MailModule } from './mail/mail.module';
import { NotificationModule } from './notification/notification.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RemindersModule } from './reminders/reminders.module';
import { TemplatesModule } from './templates/templates.module';
import { EvaluationTriggersModule } from './triggers/evaluation-triggers.module';
import { RegistrationTriggersModule } from './triggers/registration-triggers.module';
import { ReplicationTriggersModule } from './triggers/replication-triggers.module';
import { SubmissionsTriggersModule } from './triggers/submissions-triggers.module';

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
        DirectoryModule,
        NotificationModule.register({ digestHour: config.DIGEST_HOUR }),
        TemplatesModule.register(config),
        DeliveryModule.register(config),
        RegistrationTriggersModule,
        SubmissionsTriggersModule,
        EvaluationTriggersModule,
        ReplicationTriggersModule,
        RemindersModule.register(config),
        InboxModule,
        PreferencesModule,
        BroadcastModule,
      ],
    };
  }
}
