import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import type { ScoreSheet } from '../score-sheet.schema';
import { SheetTargetResolver, type SheetAddress, type SheetTarget } from '../score-sheet-target';
import { ScoringRepository } from '../scoring.repository';

export interface ScoreSheetReading {
  readonly target: SheetTarget;
  /** Null until the first save: the scorer starts from revision 0. */
  readonly sheet: ScoreSheet | null;
}

/** A sheet just written, with what it was checked against. */
export interface WrittenScoreSheet {
  readonly target: SheetTarget;
  readonly sheet: ScoreSheet;
}

@Injectable()
export class GetScoreSheetUseCase {
  constructor(
    private readonly targets: SheetTargetResolver,
    private readonly repository: ScoringRepository,
  ) {}

  async execute(address: SheetAddress, user: AuthenticatedUser): Promise<ScoreSheetReading> {
    const target = await this.targets.resolve(address, user, 'read');
    const sheet = await this.repository.findSheet(target.stage, target.proposalId, target.scorerId);
    return { target, sheet };
  }
}
