import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { InjectLogger } from '@kipp/observability';
import { PeriodicJob } from '@kipp/service-kit';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';
import {
  FireDueRemindersUseCase,
  type FiredReminders,
} from './use-cases/fire-due-reminders.use-case';

/**
 * Fires due reminders on every replica with reminders enabled, every `scanIntervalMs`. No
 * leader is needed: each reminder is fired by one conditional flip in a transaction.
 */
@Injectable()
export class ReminderScanner extends PeriodicJob<FiredReminders> {
  constructor(
    fireDue: FireDueRemindersUseCase,
    @Inject(REMINDERS_OPTIONS) options: RemindersOptions,
    @InjectLogger() logger: Logger,
  ) {
    super({
      name: 'reminder scan',
      intervalMs: options.scanEnabled ? options.scanIntervalMs : 0,
      logger,
      run: async () => {
        const outcome = await fireDue.execute();
        if (outcome.fired > 0) logger.info(outcome, 'reminders fired');
        return outcome;
      },
    });
  }
}
