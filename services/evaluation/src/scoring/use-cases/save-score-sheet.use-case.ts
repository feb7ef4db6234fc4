import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { weightedScore } from '../../calibration/calibration-math';
import type { CriterionScore } from '../score-sheet.schema';
import { SheetTargetResolver, type SheetAddress } from '../score-sheet-target';
import type { WrittenScoreSheet } from './get-score-sheet.use-case';
import { isOpen } from '../scoring-window';
import { ScoringRepository } from '../scoring.repository';
import { ScoreSheetRevisionConflictError, ScoringClosedError } from '../scoring.errors';
import { mergeCriteria } from '../sheet-rules';

export interface SaveScoreSheetInput {
  readonly criteria: readonly CriterionScore[];
  /** The revision the scorer read; 0 for a sheet not saved yet. */
  readonly expectedRevision: number;
}

/**
 * Saves a draft: partial sheets are fine, scores outside the scale or criteria outside the
 * rubric are not. Saving a submitted sheet reopens it as a draft; its last submitted score
 * keeps counting until it is submitted again.
 */
@Injectable()
export class SaveScoreSheetUseCase {
  constructor(
    private readonly targets: SheetTargetResolver,
    private readonly repository: ScoringRepository,
  ) {}

  async execute(
    address: SheetAddress,
    input: SaveScoreSheetInput,
    user: AuthenticatedUser,
    now = new Date(),
  ): Promise<WrittenScoreSheet> {
    const target = await this.targets.resolve(address, user, 'write');
    if (!isOpen(target.window, now)) {
      throw new ScoringClosedError(target.stage, target.window.opensAt, target.window.closesAt);
    }
    const current = await this.repository.findSheet(
      target.stage,
      target.proposalId,
      target.scorerId,
    );
    const currentRevision = current?.revision ?? 0;
    if (currentRevision !== input.expectedRevision) {
      throw new ScoreSheetRevisionConflictError(input.expectedRevision, currentRevision);
    }
    const criteria = mergeCriteria(target.rubric, current?.criteria ?? [], input.criteria);
    const score = weightedScore(target.rubric, criteria);
    const audit = {
      action: current?.status === 'submitted' ? ('reopened' as const) : ('saved' as const),
      by: user.accountId,
      at: now,
      criteria,
      weightedScore: score,
    };
    const written = current
      ? await this.repository.change(current._id, input.expectedRevision, {
          criteria,
          weightedScore: score,
          status: 'draft',
          audit,
          events: [],
        })
      : await this.repository.insert(
          {
            _id: target.sheetId,
            editionId: target.editionId,
            proposalId: target.proposalId,
            stage: target.stage,
            assignmentId: target.assignmentId,
            scorerId: target.scorerId,
            criteria,
            weightedScore: score,
            status: 'draft',
            revision: 1,
            submissions: 0,
            submittedAt: null,
            submittedWeightedScore: null,
            audit: [audit],
          },
          [],
        );
    const saved = await this.repository.findSheet(target.stage, target.proposalId, target.scorerId);
    if (!written || !saved) {
      throw new ScoreSheetRevisionConflictError(input.expectedRevision, saved?.revision ?? 0);
    }
    return { target, sheet: saved };
  }
}
