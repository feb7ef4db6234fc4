import { Module } from '@nestjs/common';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { GetPreferencesUseCase } from './use-cases/get-preferences.use-case';
import { UpdatePreferencesUseCase } from './use-cases/update-preferences.use-case';

/**
 * Each account's opt-outs and daily-digest choice. The model is registered by the global
 * NotificationModule, whose Notifier reads the choices when it writes messages.
 */
@Module({
  controllers: [PreferencesController],
  providers: [PreferencesRepository, GetPreferencesUseCase, UpdatePreferencesUseCase],
})
export class PreferencesModule {}
