import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { GetPreferencesUseCase } from './use-cases/get-preferences.use-case';
import { UpdatePreferencesUseCase } from './use-cases/update-preferences.use-case';

/**
 * Each account's opt-outs and daily-digest choice. The model is registered by the global
 * NotificationModule, whose Notifier reads the choices when it writes messages.
 */
@Module({})
export class PreferencesModule {
  static register(_config: Readonly<NotificationsConfig>): DynamicModule {
    return {
      module: PreferencesModule,
      controllers: [PreferencesController],
      providers: [PreferencesRepository, GetPreferencesUseCase, UpdatePreferencesUseCase],
    };
  }
}
