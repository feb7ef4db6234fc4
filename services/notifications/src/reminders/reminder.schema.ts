import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

export const REMINDER_KINDS = ['scoring', 'interview'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * - `scheduled`: waiting for `fireAt`.
 * - `fired`: one replica fired it (and wrote its notice, unless there was nothing to say).
 * - `cancelled`: what it was about went away first; scheduling it again revives it.
 */
export const REMINDER_STATUSES = ['scheduled', 'fired', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** An evaluator's open assignments in an edition due at `dueAt`. */
export interface ScoringReminderParams {
  editionId: string;
  evaluatorAccountId: string;
  dueAt: string;
}

/** A finalist's booked interview slot, still to be confirmed by `confirmBy`. */
export interface InterviewReminderParams {
  proposalId: string;
  editionId: string;
  institutionId: string;
  slotId: string;
  startsAt: string;
  confirmBy: string;
}

export interface ReminderParamsByKind {
  scoring: ScoringReminderParams;
  interview: InterviewReminderParams;
}

export interface ReminderDocument {
  /** Deterministic (see `scoringReminderId`, `interviewReminderId`): one per purpose. */
  _id: string;
  kind: ReminderKind;
  /**
   * What cancels it as a group: `scoring:<edition>:<evaluator>` (with `params.dueAt`) or
   * `interview:<proposal>`.
   */
  scope: string;
  fireAt: Date;
  status: ReminderStatus;
  params: Record<string, unknown>;
  firedAt: Date | null;
  /** Whether firing wrote a notice (a scoring reminder with no work left fires silently). */
  notified: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

export const REMINDER_MODEL = 'Reminder';

export const reminderSchema = new Schema<ReminderDocument>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: REMINDER_KINDS },
    scope: { type: String, required: true },
    fireAt: { type: Date, required: true },
    status: { type: String, required: true, enum: REMINDER_STATUSES },
    params: { type: Schema.Types.Mixed, required: true },
    firedAt: { type: Date, default: null },
    notified: { type: Boolean, default: null },
  },
  { ...schemaOptions('reminders'), minimize: false },
);

// The scanner: scheduled reminders that are due, oldest first.
reminderSchema.index({ status: 1, fireAt: 1 });
// Cancelling a scope's pending reminders.
reminderSchema.index({ scope: 1, status: 1 });

export function scoringReminderId(params: ScoringReminderParams, offset: string): string {
  return `scoring:${params.editionId}:${params.evaluatorAccountId}:${params.dueAt}:${offset}`;
}

export function interviewReminderId(slotId: string, startsAt: string, offset: string): string {
  return `interview:${slotId}:${startsAt}:${offset}`;
}
