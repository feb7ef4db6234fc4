import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { ScoreSubmittedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { SheetTargetResolver, type SheetAddress } from '../score-sheet-target';
import type { WrittenScoreSheet } from './get-score-sheet.use-case';
import { isOpen } from '../scoring-window';
import { ScoringRepository } from '../scoring.repository';
import {
  ScoreSheetIncompleteError,
  ScoreSheetRevisionConflictError,
  ScoringClosedError,
} from '../scoring.errors';
import { scoreForSubmission } from '../sheet-rules';

/**
 * Submits a complete sheet (every criterion scored and commented): fixes its weighted score
 * and publishes `score.submitted` in the same write. Resubmitting inside the window is a new
 * submission with the next revision.
 */
@Injectable()
export class SubmitScoreSheetUseCase {
  constructor(
    private readonly targets: SheetTargetResolver,
    private readonly repository: ScoringRepository,
    private readonly notifier: OutboxNotifier,
  ) {}

  async execute(
    address: SheetAddress,
    expectedRevision: number,
    user: AuthenticatedUser,
    now = new Date(),
  ): Promise<WrittenScoreSheet> {
    const target = await this.targets.resolve(address, user, 'write');
    if (!isOpen(target.window, now)) {
      throw new ScoringClosedError(target.stage, target.window.opensAt, target.window.closesAt);
    }
    const sheet = await this.repository.findSheet(target.stage, target.proposalId, target.scorerId);
    if (!sheet) {
      throw new ScoreSheetIncompleteError(
        target.rubric.criteria.map((c) => c.criterionId),
        [],
      );
    }
    if (sheet.revision !== expectedRevision) {
      throw new ScoreSheetRevisionConflictError(expectedRevision, sheet.revision);
    }
    const score = scoreForSubmission(target.rubric, sheet.criteria);
    const event = createEvent(ScoreSubmittedV1, {
      proposalId: sheet.proposalId,
      editionId: sheet.editionId,
      stage: sheet.stage,
      assignmentId: sheet.assignmentId,
      scorerAccountId: sheet.scorerId,
      criteria: sheet.criteria.map((c) => ({ criterionId: c.criterionId, score: c.score })),
      weightedScore: score,
      revision: sheet.submissions + 1,
      submittedAt: now.toISOString(),
    });
    const written = await this.repository.change(sheet._id, expectedRevision, {
      criteria: sheet.criteria,
      weightedScore: score,
      status: 'submitted',
      submission: { at: now, weightedScore: score },
      audit: {
        action: 'submitted',
        by: user.accountId,
        at: now,
        criteria: sheet.criteria,
        weightedScore: score,
      },
      events: [event],
    });
    const submitted = await this.repository.findSheet(
      target.stage,
      target.proposalId,
      target.scorerId,
    );
    if (!written || !submitted) {
      throw new ScoreSheetRevisionConflictError(expectedRevision, submitted?.revision ?? 0);
    }
    this.notifier.nudge();
    return { target, sheet: submitted };
  }
}
