import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PREFERENCES_MODEL, preferencesSchema } from '../preferences/preferences.schema';
import { MESSAGE_MODEL, messageSchema } from './message.schema';
import { NOTICE_MODEL, noticeSchema } from './notice.schema';
import { NOTIFIER_SETTINGS, Notifier, type NotifierSettings } from './notifier';

/** Messages, notices and preferences, and the `Notifier` that writes notices. */
@Module({})
export class NotificationModule {
  static register(settings: NotifierSettings): DynamicModule {
    const models = MongooseModule.forFeature([
      { name: MESSAGE_MODEL, schema: messageSchema },
      { name: NOTICE_MODEL, schema: noticeSchema },
      { name: PREFERENCES_MODEL, schema: preferencesSchema },
    ]);
    return {
      module: NotificationModule,
      global: true,
      imports: [models],
      providers: [Notifier, { provide: NOTIFIER_SETTINGS, useValue: settings }],
      exports: [Notifier, models],
    };
  }
}
