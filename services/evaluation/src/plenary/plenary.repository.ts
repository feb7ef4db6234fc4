import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { AWARD_MODEL, type Award } from '../award/award.schema';
import {
  INSTITUTION_PROJECTION_MODEL,
  type InstitutionProjection,
} from '../institution/institution.schema';
import { DESK_RESULT_MODEL, type DeskResult } from '../calibration/desk-result.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../scoring/score-sheet.schema';
import { STAGE_PUBLICATION_MODEL, type StagePublication } from '../stage/stage-publication.schema';

export type AwardFields = Omit<Award, '_id' | 'outbox' | 'createdAt' | 'updatedAt'>;
export type AwardView = Omit<Award, 'outbox'>;
export type NewPublication = Omit<StagePublication, 'createdAt' | 'updatedAt'>;

/** Panel scores, desk results, final publications and awards of the plenary. */
@Injectable()
export class PlenaryRepository {
  constructor(
    @InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>,
    @InjectModel(DESK_RESULT_MODEL) private readonly deskResults: Model<DeskResult>,
    @InjectModel(STAGE_PUBLICATION_MODEL)
    private readonly publications: Model<StagePublication>,
    @InjectModel(AWARD_MODEL) private readonly awards: Model<Award>,
    @InjectModel(INSTITUTION_PROJECTION_MODEL)
    private readonly institutions: Model<InstitutionProjection>,
  ) {}

  async institutionNames(institutionIds: string[]): Promise<Map<string, string>> {
    const rows = await this.institutions
      .find({ _id: { $in: institutionIds } }, { name: 1 })
      .lean<Pick<InstitutionProjection, '_id' | 'name'>[]>()
      .exec();
    return new Map(rows.map((r) => [r._id, r.name]));
  }

  /** Mean submitted panel score per proposal (proposals without one are absent). */
  async panelScores(editionId: string, proposalIds: string[]): Promise<Map<string, number>> {
    const rows = await this.sheets
      .aggregate<{ _id: string; mean: number }>([
        {
          $match: {
            editionId,
            stage: 'panel',
            status: 'submitted',
            proposalId: { $in: proposalIds },
            weightedScore: { $ne: null },
          },
        },
        { $group: { _id: '$proposalId', mean: { $avg: '$weightedScore' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.mean]));
  }

  async deskResultsOf(proposalIds: string[]): Promise<Map<string, DeskResult>> {
    const rows = await this.deskResults
      .find({ _id: { $in: proposalIds } })
      .lean<DeskResult[]>()
      .exec();
    return new Map(rows.map((r) => [r._id, r]));
  }

  async latestFinalVersion(editionId: string, session: ClientSession): Promise<number> {
    const [latest] = await this.publications
      .find({ editionId, stage: 'final' }, { version: 1 })
      .sort({ version: -1 })
      .limit(1)
      .session(session)
      .lean<Pick<StagePublication, 'version'>[]>()
      .exec();
    return latest?.version ?? 0;
  }

  async insertPublication(publication: NewPublication, session: ClientSession): Promise<void> {
    await this.publications.create([publication], { session });
  }

  /** Creates or supersedes a finalist's award with its event in the same write. */
  async upsertAward(
    proposalId: string,
    fields: AwardFields,
    event: PendingEvent,
    session: ClientSession,
  ): Promise<void> {
    await this.awards
      .updateOne(
        { _id: proposalId },
        { $set: fields, $push: pushToOutbox([event]) },
        { upsert: true, session },
      )
      .exec();
  }

  async awardsOfEdition(editionId: string): Promise<AwardView[]> {
    return this.awards
      .find({ editionId }, { outbox: 0 })
      .sort({ groupId: 1, rank: 1, _id: 1 })
      .lean<AwardView[]>()
      .exec();
  }

  async awardsOfInstitution(institutionId: string): Promise<AwardView[]> {
    return this.awards
      .find({ institutionId }, { outbox: 0 })
      .sort({ editionId: 1, groupId: 1, rank: 1, _id: 1 })
      .lean<AwardView[]>()
      .exec();
  }
}
