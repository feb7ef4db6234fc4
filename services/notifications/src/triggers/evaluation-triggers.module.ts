import { Module, type DynamicModule } from '@nestjs/common';
import type { NotificationsConfig } from '../config/notifications.config';

@Module({})
export class EvaluationTriggersModule {
  static register(config: Readonly<NotificationsConfig>): DynamicModule {
    void config;
    return { module: EvaluationTriggersModule };
  }
}
