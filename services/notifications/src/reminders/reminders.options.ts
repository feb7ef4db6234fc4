import type { ReminderOffset } from './reminder-offsets';

export const REMINDERS_OPTIONS = Symbol('REMINDERS_OPTIONS');

export interface RemindersOptions {
  readonly scanEnabled: boolean;
  readonly scanIntervalMs: number;
  /** Reminders one pass fires at most (the next pass takes the rest). */
  readonly batchSize: number;
  /** Before an evaluator's scoring deadline. */
  readonly scoringOffsets: readonly ReminderOffset[];
  /** Before an interview's confirm-by time. */
  readonly interviewConfirmOffsets: readonly ReminderOffset[];
}
