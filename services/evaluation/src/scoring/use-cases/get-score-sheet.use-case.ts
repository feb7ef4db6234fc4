import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { InstitutionRepository } from '../../institution/institution.repository';
import { ProposalRepository } from '../../proposal/proposal.repository';
import { toScorerProposal, type ScorerProposal } from '../../proposal/scorer-proposal';
import type { ScoreSheet } from '../score-sheet.schema';
import { SheetTargetResolver, type SheetAddress, type SheetTarget } from '../score-sheet-target';
import { ScoringRepository } from '../scoring.repository';

export interface ScoreSheetReading {
  readonly target: SheetTarget;
  /** Null until the first save: the scorer starts from revision 0. */
  readonly sheet: ScoreSheet | null;
  /** What is being scored; null while the proposal's snapshot is not known here. */
  readonly proposal: ScorerProposal | null;
}

/** A sheet just written, with what it was checked against. */
export interface WrittenScoreSheet {
  readonly target: SheetTarget;
  readonly sheet: ScoreSheet;
}

/**
 * A score sheet with the proposal it scores, both behind the sheet's own authorisation:
 * whoever may read the sheet may read the proposal, with the institution as the target
 * allows (hidden on a desk sheet in blind review).
 */
@Injectable()
export class GetScoreSheetUseCase {
  constructor(
    private readonly targets: SheetTargetResolver,
    private readonly repository: ScoringRepository,
    private readonly proposals: ProposalRepository,
    private readonly institutions: InstitutionRepository,
  ) {}

  async execute(address: SheetAddress, user: AuthenticatedUser): Promise<ScoreSheetReading> {
    const target = await this.targets.resolve(address, user, 'read');
    const [sheet, proposal] = await Promise.all([
      this.repository.findSheet(target.stage, target.proposalId, target.scorerId),
      this.proposal(target),
    ]);
    return { target, sheet, proposal };
  }

  private async proposal(target: SheetTarget): Promise<ScorerProposal | null> {
    const proposal = await this.proposals.findById(target.proposalId);
    if (!proposal) return null;
    if (!target.institutionShown) return toScorerProposal(proposal, 'hidden');
    // The registry is asked only when the forwarded copy has no institution yet.
    const registered = proposal.institution
      ? null
      : await this.institutions.findById(proposal.institutionId);
    return toScorerProposal(proposal, { registryName: registered?.name ?? null });
  }
}
