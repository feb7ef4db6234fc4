import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { NotificationsConfig } from '../config/notifications.config';
import { DirectoryModule } from '../directory/directory.module';
import { parseOffset } from './reminder-offsets';
import { ReminderPlanner } from './reminder-planner';
import { ReminderRepository } from './reminder.repository';
import { ReminderScanner } from './reminder.scanner';
import { REMINDER_MODEL, reminderSchema } from './reminder.schema';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';
import { FireDueRemindersUseCase } from './use-cases/fire-due-reminders.use-case';

export type RemindersModuleConfig = Pick<
  NotificationsConfig,
  | 'REMINDERS_ENABLED'
  | 'REMINDER_SCAN_INTERVAL_MS'
  | 'SCORING_REMINDER_OFFSETS'
  | 'INTERVIEW_CONFIRM_REMINDER_OFFSETS'
>;

const SCAN_BATCH_SIZE = 200;

/**
 * Scheduled reminders (scoring deadlines, interview confirmations) and the scanner that
 * fires them. Global: the event handlers of other modules plan reminders through
 * `ReminderPlanner`.
 */
@Module({})
export class RemindersModule {
  static register(config: Readonly<RemindersModuleConfig>): DynamicModule {
    const options: RemindersOptions = {
      scanEnabled: config.REMINDERS_ENABLED,
      scanIntervalMs: config.REMINDER_SCAN_INTERVAL_MS,
      batchSize: SCAN_BATCH_SIZE,
      scoringOffsets: config.SCORING_REMINDER_OFFSETS.map(parseOffset),
      interviewConfirmOffsets: config.INTERVIEW_CONFIRM_REMINDER_OFFSETS.map(parseOffset),
    };
    return {
      module: RemindersModule,
      global: true,
      imports: [
        DirectoryModule,
        MongooseModule.forFeature([{ name: REMINDER_MODEL, schema: reminderSchema }]),
      ],
      providers: [
        { provide: REMINDERS_OPTIONS, useValue: options },
        ReminderRepository,
        ReminderPlanner,
        FireDueRemindersUseCase,
        ReminderScanner,
      ],
      exports: [ReminderPlanner, ReminderScanner],
    };
  }
}
