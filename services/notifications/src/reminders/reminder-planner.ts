import { Inject, Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import { fireTimes } from './reminder-offsets';
import { ReminderRepository } from './reminder.repository';
import {
  interviewReminderId,
  scoringReminderId,
  type InterviewReminderParams,
  type ScoringReminderParams,
} from './reminder.schema';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';

/**
 * What the event handlers call to schedule and cancel reminders, in their event's session
 * (so a reminder exists exactly when the event that caused it was processed).
 */
@Injectable()
export class ReminderPlanner {
  constructor(
    private readonly reminders: ReminderRepository,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  /** One reminder per scoring offset before the deadline, shared by every assignment due then. */
  async planScoring(
    params: ScoringReminderParams,
    session: ClientSession,
    now = new Date(),
  ): Promise<void> {
    await this.reminders.schedule(
      fireTimes(new Date(params.dueAt), this.options.scoringOffsets, now).map(
        ({ offset, fireAt }) => ({
          id: scoringReminderId(params, offset.label),
          kind: 'scoring' as const,
          scope: scoringScope(params.editionId, params.evaluatorAccountId),
          fireAt,
          params,
        }),
      ),
      session,
    );
  }

  /** Cancels an evaluator's scoring reminders for deadlines with no assignment still open. */
  async cancelScoringWithout(
    editionId: string,
    evaluatorAccountId: string,
    openDueAts: readonly string[],
    session: ClientSession,
  ): Promise<void> {
    await this.reminders.cancel(scoringScope(editionId, evaluatorAccountId), session, openDueAts);
  }

  /** Confirmation reminders for a booked slot (replacing the proposal's earlier ones). */
  async planInterview(
    params: InterviewReminderParams,
    session: ClientSession,
    now = new Date(),
  ): Promise<void> {
    await this.cancelInterview(params.proposalId, session);
    await this.reminders.schedule(
      fireTimes(new Date(params.confirmBy), this.options.interviewConfirmOffsets, now).map(
        ({ offset, fireAt }) => ({
          id: interviewReminderId(params.slotId, params.startsAt, offset.label),
          kind: 'interview' as const,
          scope: interviewScope(params.proposalId),
          fireAt,
          params,
        }),
      ),
      session,
    );
  }

  async cancelInterview(proposalId: string, session: ClientSession): Promise<void> {
    await this.reminders.cancel(interviewScope(proposalId), session);
  }
}

function scoringScope(editionId: string, evaluatorAccountId: string): string {
  return `scoring:${editionId}:${evaluatorAccountId}`;
}

function interviewScope(proposalId: string): string {
  return `interview:${proposalId}`;
}
