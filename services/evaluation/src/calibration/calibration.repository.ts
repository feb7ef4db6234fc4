import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, ClientSession, Model } from 'mongoose';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import { SCORE_SHEET_MODEL, type ScoreSheet } from '../scoring/score-sheet.schema';
import type { ProposalStanding, SubmittedScore } from './calibration-math';
import { DESK_RESULT_MODEL, type DeskResult } from './desk-result.schema';

export interface NormalizedProposal {
  readonly proposalId: string;
  readonly normalizedMean: number;
}

/** Sheets count with their latest submission, also while reopened as drafts. */
const SUBMITTED = { submissions: { $gt: 0 }, submittedWeightedScore: { $ne: null } };

/**
 * Desk results (owned here) and the read-only inputs of calibration: the edition and the
 * submitted desk sheets.
 */
@Injectable()
export class CalibrationRepository {
  constructor(
    @InjectModel(DESK_RESULT_MODEL) private readonly results: Model<DeskResult>,
    @InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
  ) {}

  async findEdition(editionId: string, session?: ClientSession): Promise<EditionProjection | null> {
    return this.editions
      .findById(editionId)
      .session(session ?? null)
      .lean<EditionProjection>()
      .exec();
  }

  /**
   * The latest submitted weighted score of every desk scorer of one proposal, in scorer order
   * (the same scores always give the same rounded mean). Only the scores travel.
   */
  async proposalScores(proposalId: string, session: ClientSession): Promise<number[]> {
    const rows = await this.sheets
      .find({ stage: 'desk', proposalId, ...SUBMITTED }, { _id: 0, submittedWeightedScore: 1 })
      .sort({ scorerId: 1 })
      .session(session)
      .lean<Pick<ScoreSheet, 'submittedWeightedScore'>[]>()
      .exec();
    return rows.flatMap((r) =>
      r.submittedWeightedScore === null ? [] : [r.submittedWeightedScore],
    );
  }

  /** Every latest submitted score of a stage in an edition. */
  async editionScores(editionId: string, stage: ScoreSheet['stage']): Promise<SubmittedScore[]> {
    const rows = await this.sheets
      .find(
        { editionId, stage, ...SUBMITTED },
        { proposalId: 1, scorerId: 1, submittedWeightedScore: 1 },
      )
      .lean<Pick<ScoreSheet, 'proposalId' | 'scorerId' | 'submittedWeightedScore'>[]>()
      .exec();
    return rows.flatMap((r) =>
      r.submittedWeightedScore === null
        ? []
        : [{ proposalId: r.proposalId, scorerId: r.scorerId, score: r.submittedWeightedScore }],
    );
  }

  async findResult(proposalId: string, session?: ClientSession): Promise<DeskResult | null> {
    return this.results
      .findById(proposalId)
      .session(session ?? null)
      .lean<DeskResult>()
      .exec();
  }

  /**
   * Upserts the proposal's standing in one write and tells whether an extra evaluator had
   * already been requested for it (read from the document as it was before the write, so the
   * caller needs no second read).
   */
  async saveStanding(
    proposalId: string,
    editionId: string,
    standing: ProposalStanding,
    session: ClientSession,
  ): Promise<{ extraEvaluatorRequested: boolean }> {
    const before = await this.results
      .findOneAndUpdate(
        { _id: proposalId },
        {
          $set: { editionId, ...standing },
          $setOnInsert: {
            normalizedMean: null,
            extraEvaluatorRequestedAt: null,
            calibrationRunId: null,
          },
        },
        {
          upsert: true,
          session,
          returnDocument: 'before',
          projection: { _id: 0, extraEvaluatorRequestedAt: 1 },
        },
      )
      .lean<Pick<DeskResult, 'extraEvaluatorRequestedAt'>>()
      .exec();
    return { extraEvaluatorRequested: (before?.extraEvaluatorRequestedAt ?? null) !== null };
  }

  /** Marks the extra evaluator as requested; false when it already was (at most once). */
  async markExtraEvaluatorRequested(
    proposalId: string,
    at: Date,
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.results
      .updateOne(
        { _id: proposalId, extraEvaluatorRequestedAt: null },
        { $set: { extraEvaluatorRequestedAt: at } },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Writes one chunk of a calibration run's normalised means. */
  async writeNormalized(
    editionId: string,
    runId: string,
    chunk: readonly NormalizedProposal[],
    session: ClientSession,
  ): Promise<void> {
    if (chunk.length === 0) return;
    const operations: AnyBulkWriteOperation<DeskResult>[] = chunk.map((p) => ({
      updateOne: {
        filter: { _id: p.proposalId },
        update: {
          $set: { editionId, normalizedMean: p.normalizedMean, calibrationRunId: runId },
        },
        upsert: true,
      },
    }));
    await this.results.bulkWrite(operations, { session, ordered: false });
  }

  /** Clears the normalised mean of the edition's results the run did not write. */
  async clearOthers(editionId: string, runId: string, session: ClientSession): Promise<void> {
    await this.results
      .updateMany(
        { editionId, calibrationRunId: { $ne: runId } },
        { $set: { normalizedMean: null, calibrationRunId: runId } },
        { session },
      )
      .exec();
  }

  async page(
    editionId: string,
    skip: number,
    limit: number,
  ): Promise<{ total: number; items: DeskResult[] }> {
    const [total, items] = await Promise.all([
      this.results.countDocuments({ editionId }).exec(),
      this.results
        .find({ editionId })
        .sort({ normalizedMean: -1, rawMean: -1, _id: 1 })
        .skip(skip)
        .limit(limit)
        .lean<DeskResult[]>()
        .exec(),
    ]);
    return { total, items };
  }

  async divergent(editionId: string): Promise<DeskResult[]> {
    return this.results
      .find({ editionId, divergent: true })
      .sort({ _id: 1 })
      .limit(1000)
      .lean<DeskResult[]>()
      .exec();
  }
}
