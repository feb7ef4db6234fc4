import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../institution/institution.schema';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import { REVIEWER_MODEL, type Reviewer } from '../reviewer/reviewer.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../scoring/score-sheet.schema';

export type AssignableProposal = Pick<
  EvaluationProposal,
  '_id' | 'editionId' | 'institutionId' | 'unitId' | 'categoryId' | 'institution'
>;

const ASSIGNABLE_FIELDS = {
  _id: 1,
  editionId: 1,
  institutionId: 1,
  unitId: 1,
  categoryId: 1,
  institution: 1,
} as const;

/**
 * Read-only access to the projections and sheets other features keep, for what assignment
 * decides on: editions, passed proposals, evaluators, institutions and submitted scores.
 */
@Injectable()
export class AssignmentSourcesRepository {
  constructor(
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
    @InjectModel(EVALUATION_PROPOSAL_MODEL)
    private readonly proposals: Model<EvaluationProposal>,
    @InjectModel(REVIEWER_MODEL) private readonly reviewers: Model<Reviewer>,
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly institutions: Model<InstitutionProjection>,
    @InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>,
  ) {}

  async edition(editionId: string, session?: ClientSession): Promise<EditionProjection | null> {
    return this.editions
      .findById(editionId)
      .session(session ?? null)
      .lean<EditionProjection>()
      .exec();
  }

  /** Proposals that passed selection and are still in the running. */
  async assignableProposals(editionId: string): Promise<AssignableProposal[]> {
    return this.proposals
      .find(
        {
          editionId,
          'selection.outcome': 'pass',
          withdrawnAt: null,
          disqualification: null,
        },
        ASSIGNABLE_FIELDS,
      )
      .sort({ _id: 1 })
      .lean<AssignableProposal[]>()
      .exec();
  }

  async proposal(proposalId: string, session?: ClientSession): Promise<EvaluationProposal | null> {
    return this.proposals
      .findById(proposalId, { outbox: 0 })
      .session(session ?? null)
      .lean<EvaluationProposal>()
      .exec();
  }

  async proposalsByIds(ids: readonly string[]): Promise<EvaluationProposal[]> {
    return this.proposals
      .find({ _id: { $in: ids } }, { outbox: 0 })
      .lean<EvaluationProposal[]>()
      .exec();
  }

  /** Active evaluators with a reviewer profile (without one, conflicts cannot be checked). */
  async activeEvaluators(session?: ClientSession): Promise<Reviewer[]> {
    return this.reviewers
      .find({ roles: 'evaluator', active: true, profile: { $ne: null } })
      .sort({ _id: 1 })
      .session(session ?? null)
      .lean<Reviewer[]>()
      .exec();
  }

  async institutionsByIds(
    ids: readonly string[],
    session?: ClientSession,
  ): Promise<Map<string, InstitutionProjection>> {
    const rows = await this.institutions
      .find({ _id: { $in: ids } })
      .session(session ?? null)
      .lean<InstitutionProjection[]>()
      .exec();
    return new Map(rows.map((r) => [r._id, r]));
  }

  async hasSubmittedDeskScore(
    proposalId: string,
    evaluatorId: string,
    session?: ClientSession,
  ): Promise<boolean> {
    const sheet = await this.sheets
      .exists({ stage: 'desk', proposalId, scorerId: evaluatorId, submissions: { $gt: 0 } })
      .session(session ?? null)
      .exec();
    return sheet !== null;
  }
}
