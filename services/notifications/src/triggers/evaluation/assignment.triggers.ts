import { Injectable } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import type {
  AssignmentChangedV1,
  AssignmentCreatedV1,
  EventEnvelope,
  PayloadOf,
  ScoreSubmittedV1,
} from '@kipp/contracts';
import { Directory } from '../../directory/directory';
import { Notifier } from '../../notification/notifier';
import { ReminderPlanner } from '../../reminders/reminder-planner';
import { EVALUATION_SENDER } from './evaluation-notice';

/**
 * Evaluators' assignments: the projection of who still has scoring to do, the messages to
 * the evaluator, and the scoring reminders before each deadline.
 */
@Injectable()
export class AssignmentTriggers {
  constructor(
    private readonly directory: Directory,
    private readonly notifier: Notifier,
    private readonly planner: ReminderPlanner,
  ) {}

  async created(
    event: EventEnvelope<PayloadOf<typeof AssignmentCreatedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const assignment = event.payload;
    const dueAt = assignment.dueAt === null ? null : new Date(assignment.dueAt);
    await this.directory.openAssignment(
      {
        assignmentId: assignment.assignmentId,
        proposalId: assignment.proposalId,
        editionId: assignment.editionId,
        evaluatorAccountId: assignment.evaluatorAccountId,
        dueAt,
      },
      session,
    );
    // One at a time: operations of one transaction must not run concurrently.
    const proposal = await this.directory.proposal(assignment.proposalId, session);
    const edition = await this.directory.edition(assignment.editionId, session);
    const recipients = await this.directory.accountsById([assignment.evaluatorAccountId], session);
    await this.notifier.notify(
      {
        noticeId: event.eventId,
        template: 'assignment.created',
        params: {
          assignmentId: assignment.assignmentId,
          proposalId: assignment.proposalId,
          title: proposal?.title ?? null,
          editionName: edition?.name ?? null,
          reason: assignment.reason,
          dueAt: dueAt?.toISOString() ?? null,
        },
        recipients,
        refs: { editionId: assignment.editionId, proposalId: assignment.proposalId },
        sentBy: EVALUATION_SENDER,
      },
      session,
    );
    if (dueAt) {
      await this.planner.planScoring(
        {
          editionId: assignment.editionId,
          evaluatorAccountId: assignment.evaluatorAccountId,
          dueAt: dueAt.toISOString(),
        },
        session,
      );
    }
  }

  /** Declined, recused and completed say nothing: a replacement gets its own assignment. */
  async changed(
    event: EventEnvelope<PayloadOf<typeof AssignmentChangedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const change = event.payload;
    await this.directory.closeAssignment(change.assignmentId, session);
    if (change.change === 'revoked') {
      const proposal = await this.directory.proposal(change.proposalId, session);
      const recipients = await this.directory.accountsById([change.evaluatorAccountId], session);
      await this.notifier.notify(
        {
          noticeId: event.eventId,
          template: 'assignment.revoked',
          params: {
            assignmentId: change.assignmentId,
            proposalId: change.proposalId,
            title: proposal?.title ?? null,
            reason: change.reason,
          },
          recipients,
          refs: { editionId: change.editionId, proposalId: change.proposalId },
          sentBy: change.changedBy,
        },
        session,
      );
    }
    await this.cancelRemindersWithoutWork(change.editionId, change.evaluatorAccountId, session);
  }

  /** A desk score closes its assignment; panel scores have none. */
  async scored(
    event: EventEnvelope<PayloadOf<typeof ScoreSubmittedV1>>,
    session: ClientSession,
  ): Promise<void> {
    const score = event.payload;
    if (score.assignmentId === null) return;
    await this.directory.closeAssignment(score.assignmentId, session);
    await this.cancelRemindersWithoutWork(score.editionId, score.scorerAccountId, session);
  }

  private async cancelRemindersWithoutWork(
    editionId: string,
    evaluatorAccountId: string,
    session: ClientSession,
  ): Promise<void> {
    const open = await this.directory.openAssignmentsOf(evaluatorAccountId, editionId, session);
    const openDueAts = open.flatMap((assignment) => assignment.dueAt?.toISOString() ?? []);
    await this.planner.cancelScoringWithout(editionId, evaluatorAccountId, openDueAts, session);
  }
}
