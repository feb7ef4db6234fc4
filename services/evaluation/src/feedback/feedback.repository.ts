import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EVALUATION_STAGES } from '@kipp/contracts';
import { AWARD_MODEL, type Award } from '../award/award.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../scoring/score-sheet.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StageEntry,
  type StagePublication,
} from '../stage/stage-publication.schema';

export type FeedbackProposal = Pick<
  EvaluationProposal,
  '_id' | 'editionId' | 'institutionId' | 'unitId' | 'title' | 'selection' | 'withdrawnAt'
>;

export type FeedbackSheet = Pick<ScoreSheet, '_id' | 'criteria' | 'submittedAt'>;

export interface StageReached {
  stage: StagePublication['stage'];
  entry: StageEntry;
}

@Injectable()
export class FeedbackRepository {
  constructor(
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly proposals: Model<EvaluationProposal>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
    @InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>,
    @InjectModel(STAGE_PUBLICATION_MODEL) private readonly publications: Model<StagePublication>,
    @InjectModel(AWARD_MODEL) private readonly awards: Model<Award>,
  ) {}

  findProposal(proposalId: string): Promise<FeedbackProposal | null> {
    return this.proposals
      .findById(proposalId)
      .select({ editionId: 1, institutionId: 1, unitId: 1, title: 1, selection: 1, withdrawnAt: 1 })
      .lean<FeedbackProposal>()
      .exec();
  }

  findEdition(editionId: string): Promise<EditionProjection | null> {
    return this.editions.findById(editionId).lean<EditionProjection>().exec();
  }

  /** The proposal's submitted desk sheets (uses the unique { stage, proposalId, scorerId }). */
  submittedDeskSheets(proposalId: string): Promise<FeedbackSheet[]> {
    return this.sheets
      .find({ stage: 'desk', proposalId, status: 'submitted' })
      .select({ criteria: 1, submittedAt: 1 })
      .sort({ submittedAt: 1, _id: 1 })
      .lean<FeedbackSheet[]>()
      .exec();
  }

  /** Mean score per criterion over the edition's submitted desk sheets. */
  async editionCriterionMeans(editionId: string): Promise<Map<string, number>> {
    // Uses { editionId, stage, status, scorerId }.
    const rows = await this.sheets
      .aggregate<{ _id: string; mean: number }>([
        { $match: { editionId, stage: 'desk', status: 'submitted' } },
        { $unwind: '$criteria' },
        { $group: { _id: '$criteria.criterionId', mean: { $avg: '$criteria.score' } } },
      ])
      .exec();
    return new Map(rows.map((row) => [row._id, row.mean]));
  }

  /** The proposal's entry in the current (highest-version) publication of each stage. */
  async stagesReached(editionId: string, proposalId: string): Promise<StageReached[]> {
    const reached: StageReached[] = [];
    for (const stage of EVALUATION_STAGES) {
      // Uses { editionId, stage, version }.
      const publication = await this.publications
        .findOne({ editionId, stage })
        .sort({ version: -1 })
        .select({ stage: 1, entries: 1 })
        .lean<Pick<StagePublication, 'stage' | 'entries'>>()
        .exec();
      const entry = publication?.entries.find((candidate) => candidate.proposalId === proposalId);
      if (entry) reached.push({ stage, entry });
    }
    return reached;
  }

  async awardTiers(proposalId: string): Promise<Award['tiers']> {
    const award = await this.awards
      .findById(proposalId)
      .select({ tiers: 1 })
      .lean<Pick<Award, 'tiers'>>()
      .exec();
    return award?.tiers ?? [];
  }
}
