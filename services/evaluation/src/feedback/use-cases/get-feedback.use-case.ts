import { Injectable } from '@nestjs/common';
import { assertUnitScope, type AuthenticatedUser } from '@kipp/auth';
import type { AwardTier, EditionPhase } from '@kipp/contracts';
import {
  EditionNotConfiguredForEvaluationError,
  EditionNotFoundError,
} from '../../edition/edition.errors';
import type { SelectionReason } from '../../proposal/proposal.schema';
import type { EvaluationStage } from '../../stage/stage-publication.schema';
import { FeedbackProposalNotFoundError, ResultsNotPublishedError } from '../feedback.errors';
import { FeedbackRepository } from '../feedback.repository';
import { rubricFeedback, type CriterionFeedback } from '../rubric-feedback';

/** Feedback opens once the results are out, and stays open. */
const FEEDBACK_PHASES: readonly EditionPhase[] = ['results', 'closed'];

export interface ProposalFeedback {
  proposalId: string;
  editionId: string;
  title: string;
  selection: { outcome: 'pass' | 'fail'; reasons: SelectionReason[] } | null;
  scale: { min: number; max: number };
  /** How many evaluators' submitted sheets the feedback draws on. */
  evaluatorCount: number;
  criteria: CriterionFeedback[];
  stagesReached: { stage: EvaluationStage; rank: number; advanced: boolean }[];
  awardTiers: AwardTier[];
}

/**
 * Rubric-level feedback to a participant once the results are published: for the unit that
 * drafted the proposal, its institution's local admin and the national admin.
 */
@Injectable()
export class GetFeedbackUseCase {
  constructor(private readonly feedback: FeedbackRepository) {}

  async execute(actor: AuthenticatedUser, proposalId: string): Promise<ProposalFeedback> {
    const proposal = await this.feedback.findProposal(proposalId);
    if (!proposal) throw new FeedbackProposalNotFoundError(proposalId);
    assertUnitScope(actor, proposal.institutionId, proposal.unitId);
    const edition = await this.feedback.findEdition(proposal.editionId);
    if (!edition) throw new EditionNotFoundError(proposal.editionId);
    if (!edition.configuration.evaluation) {
      throw new EditionNotConfiguredForEvaluationError(proposal.editionId);
    }
    if (edition.currentPhase === null || !FEEDBACK_PHASES.includes(edition.currentPhase)) {
      throw new ResultsNotPublishedError(proposal.editionId, edition.currentPhase);
    }
    const [sheets, editionMeans, stages, awardTiers] = await Promise.all([
      this.feedback.submittedDeskSheets(proposalId),
      this.feedback.editionCriterionMeans(proposal.editionId),
      this.feedback.stagesReached(proposal.editionId, proposalId),
      this.feedback.awardTiers(proposalId),
    ]);
    const rubric = edition.configuration.rubric;
    return {
      proposalId,
      editionId: proposal.editionId,
      title: proposal.title,
      selection: proposal.selection
        ? {
            outcome: proposal.selection.outcome,
            // Only what the participant should read; who decided stays internal.
            reasons: proposal.selection.reasons.map(({ check, outcome, note }) => ({
              check,
              outcome,
              note,
            })),
          }
        : null,
      scale: rubric.scale,
      evaluatorCount: sheets.length,
      criteria: rubricFeedback(rubric, sheets, editionMeans),
      stagesReached: stages.map(({ stage, entry }) => ({
        stage,
        rank: entry.rank,
        advanced: entry.advanced,
      })),
      awardTiers,
    };
  }
}
