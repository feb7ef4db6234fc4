import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { AssignmentChangedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import {
  AssignmentAlreadyScoredError,
  AssignmentNotActiveError,
  AssignmentNotFoundError,
  NotYourAssignmentError,
} from '../assignment.errors';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import { AssignExtraEvaluatorUseCase } from './assign-extra-evaluator.use-case';

export type AssignmentEnding = 'declined' | 'recused' | 'revoked';

export interface EndAssignmentResult {
  assignment: Assignment;
  replacement: Assignment | null;
}

/**
 * Ends an active assignment before it was scored — declined or recused by its evaluator,
 * or revoked by the national admin — and, in the same transaction, assigns a replacement
 * by the solver's rules. The ended pair stays on record, so the solver never proposes it
 * again (for a recusal that record is the declared conflict).
 */
@Injectable()
export class EndAssignmentUseCase {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
    private readonly assignExtra: AssignExtraEvaluatorUseCase,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(
    assignmentId: string,
    ending: AssignmentEnding,
    reason: string,
    actor: AuthenticatedUser,
  ): Promise<EndAssignmentResult> {
    const result = await runInTransaction(this.connection, async (session) => {
      const assignment = await this.assignments.findById(assignmentId, session);
      if (!assignment) throw new AssignmentNotFoundError(assignmentId);
      if (ending !== 'revoked' && assignment.evaluatorId !== actor.accountId) {
        throw new NotYourAssignmentError(assignmentId);
      }
      if (assignment.status !== 'active') {
        throw new AssignmentNotActiveError(assignmentId, assignment.status);
      }
      if (
        await this.sources.hasSubmittedDeskScore(
          assignment.proposalId,
          assignment.evaluatorId,
          session,
        )
      ) {
        throw new AssignmentAlreadyScoredError(assignmentId);
      }
      const replacement = await this.assignExtra.execute(
        {
          editionId: assignment.editionId,
          proposalId: assignment.proposalId,
          reason: 'reassignment',
        },
        session,
      );
      const now = new Date();
      const event = createEvent(AssignmentChangedV1, {
        assignmentId,
        proposalId: assignment.proposalId,
        editionId: assignment.editionId,
        evaluatorAccountId: assignment.evaluatorId,
        change: ending,
        reason,
        replacedBy: replacement?._id ?? null,
        changedBy: { kind: 'account', accountId: actor.accountId },
        changedAt: now.toISOString(),
      });
      const ended = await this.assignments.end(
        assignmentId,
        { status: ending, endReason: reason, endedAt: now },
        replacement?._id ?? null,
        [event],
        session,
      );
      if (!ended) throw new AssignmentNotActiveError(assignmentId, 'no longer active');
      const current = await this.assignments.findById(assignmentId, session);
      return { assignment: current ?? assignment, replacement };
    });
    this.outbox.nudge();
    return result;
  }
}
