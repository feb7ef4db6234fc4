import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { ASSIGNMENT_MODEL, type Assignment } from '../assignment/assignment.schema';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  STAGE_PUBLICATION_MODEL,
  type StageEntry,
  type StagePublication,
} from '../stage/stage-publication.schema';
import {
  SCORE_SHEET_MODEL,
  type CriterionScore,
  type ScoreAuditEntry,
  type ScoreSheet,
} from './score-sheet.schema';

export type NewScoreSheet = Omit<ScoreSheet, 'outbox' | 'createdAt' | 'updatedAt'>;

export interface SheetChange {
  readonly criteria: CriterionScore[];
  readonly weightedScore: number | null;
  readonly status: ScoreSheet['status'];
  readonly submission?: { readonly at: Date; readonly weightedScore: number };
  readonly audit: ScoreAuditEntry;
  readonly events: readonly PendingEvent[];
}

export interface ScorerProgress {
  readonly scorerId: string;
  readonly draft: number;
  readonly submitted: number;
}

/** A desk sheet as the secretariat's list reads it, without its audit trail. */
export type ListedDeskSheet = Pick<
  ScoreSheet,
  | '_id'
  | 'proposalId'
  | 'scorerId'
  | 'status'
  | 'criteria'
  | 'submissions'
  | 'submittedAt'
  | 'submittedWeightedScore'
>;

const SUBMITTED_DESK_FIELDS = {
  editionId: 1,
  proposalId: 1,
  scorerId: 1,
  status: 1,
  criteria: 1,
  submissions: 1,
  submittedAt: 1,
  submittedWeightedScore: 1,
} as const;

export interface DeskSheetFilter {
  readonly evaluatorId?: string;
  readonly proposalId?: string;
  /** Keyset: only sheets with a larger id. */
  readonly after?: string;
}

/** Assignments that still count as work given to the evaluator. */
const COUNTED_ASSIGNMENT_STATUSES = ['active', 'completed'];

/**
 * Score sheets (owned here) and the read-only facts scoring checks them against:
 * the edition, the evaluator's assignment, the current finalists.
 */
@Injectable()
export class ScoringRepository {
  constructor(
    @InjectModel(SCORE_SHEET_MODEL) private readonly sheets: Model<ScoreSheet>,
    @InjectModel(ASSIGNMENT_MODEL) private readonly assignments: Model<Assignment>,
    @InjectModel(STAGE_PUBLICATION_MODEL) private readonly publications: Model<StagePublication>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
  ) {}

  async findEdition(editionId: string): Promise<EditionProjection | null> {
    return this.editions.findById(editionId).lean<EditionProjection>().exec();
  }

  async findAssignment(assignmentId: string): Promise<Assignment | null> {
    return this.assignments.findById(assignmentId, { outbox: 0 }).lean<Assignment>().exec();
  }

  /** The proposal's entry in the highest version of the edition's finalists publication. */
  async findFinalist(editionId: string, proposalId: string): Promise<StageEntry | null> {
    const current = await this.publications
      .findOne({ editionId, stage: 'finalists' }, { entries: 1 })
      .sort({ version: -1 })
      .lean<Pick<StagePublication, 'entries'>>()
      .exec();
    return current?.entries.find((e) => e.proposalId === proposalId) ?? null;
  }

  async findSheet(
    stage: ScoreSheet['stage'],
    proposalId: string,
    scorerId: string,
  ): Promise<ScoreSheet | null> {
    return this.sheets
      .findOne({ stage, proposalId, scorerId }, { outbox: 0 })
      .lean<ScoreSheet>()
      .exec();
  }

  /** Creates a sheet; false when one appeared meanwhile (a concurrent first save). */
  async insert(sheet: NewScoreSheet, events: readonly PendingEvent[]): Promise<boolean> {
    try {
      await this.sheets.create({ ...sheet, outbox: [...events] });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** Applies a change if the sheet is still at `expectedRevision`; false otherwise. */
  async change(sheetId: string, expectedRevision: number, change: SheetChange): Promise<boolean> {
    const result = await this.sheets
      .updateOne(
        { _id: sheetId, revision: expectedRevision },
        {
          $set: {
            criteria: change.criteria,
            weightedScore: change.weightedScore,
            status: change.status,
            ...(change.submission
              ? {
                  submittedAt: change.submission.at,
                  submittedWeightedScore: change.submission.weightedScore,
                }
              : {}),
          },
          $inc: { revision: 1, ...(change.submission ? { submissions: 1 } : {}) },
          $push: { audit: change.audit, ...pushToOutbox([...change.events]) },
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * An edition's desk sheets (drafts too: the caller keeps the submitted ones), in id order
   * after `filter.after`, at most `limit`. Each filter is one shape every field of which
   * is in one index, the only shapes SecantusDB does not answer with a collection scan: an
   * evaluator's by `(editionId, stage, scorerId, _id)`, the edition's by
   * `(editionId, stage, _id)`; a proposal's few sheets by the unique sheet key, the rest here.
   */
  async deskSheets(
    editionId: string,
    filter: DeskSheetFilter,
    limit: number,
  ): Promise<ListedDeskSheet[]> {
    const after = filter.after ? { _id: { $gt: filter.after } } : {};
    if (filter.proposalId) {
      const sheets = await this.sheets
        .find({ stage: 'desk', proposalId: filter.proposalId }, SUBMITTED_DESK_FIELDS)
        .lean<(ListedDeskSheet & { editionId: string })[]>()
        .exec();
      return sheets
        .filter(
          (s) =>
            s.editionId === editionId &&
            (!filter.evaluatorId || s.scorerId === filter.evaluatorId) &&
            (!filter.after || s._id > filter.after),
        )
        .sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
        .slice(0, limit);
    }
    return this.sheets
      .find(
        {
          editionId,
          stage: 'desk',
          ...(filter.evaluatorId ? { scorerId: filter.evaluatorId } : {}),
          ...after,
        },
        SUBMITTED_DESK_FIELDS,
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<ListedDeskSheet[]>()
      .exec();
  }

  /** The audit trails of these sheets (read only for the reopened ones of a page). */
  async audits(sheetIds: readonly string[]): Promise<Pick<ScoreSheet, '_id' | 'audit'>[]> {
    if (sheetIds.length === 0) return [];
    return this.sheets
      .find({ _id: { $in: [...sheetIds] } }, { audit: 1 })
      .lean<Pick<ScoreSheet, '_id' | 'audit'>[]>()
      .exec();
  }

  /** Assignments counted per evaluator of an edition (or one evaluator). */
  async assignedCounts(
    editionId: string | null,
    evaluatorId?: string,
  ): Promise<Map<string, number>> {
    const rows = await this.assignments
      .aggregate<{ _id: string; count: number }>([
        {
          $match: {
            status: { $in: COUNTED_ASSIGNMENT_STATUSES },
            ...(editionId ? { editionId } : {}),
            ...(evaluatorId ? { evaluatorId } : {}),
          },
        },
        { $group: { _id: '$evaluatorId', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.count]));
  }

  /** Desk sheets per scorer and status of an edition (or one scorer). */
  async deskSheetCounts(editionId: string | null, scorerId?: string): Promise<ScorerProgress[]> {
    const rows = await this.sheets
      .aggregate<{ _id: string; draft: number; submitted: number }>([
        {
          $match: {
            stage: 'desk',
            ...(editionId ? { editionId } : {}),
            ...(scorerId ? { scorerId } : {}),
          },
        },
        {
          $group: {
            _id: '$scorerId',
            draft: { $sum: { $cond: [{ $eq: ['$status', 'draft'] }, 1, 0] } },
            submitted: { $sum: { $cond: [{ $eq: ['$status', 'submitted'] }, 1, 0] } },
          },
        },
      ])
      .exec();
    return rows.map((r) => ({ scorerId: r._id, draft: r.draft, submitted: r.submitted }));
  }
}
