import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import {
  ASSIGNMENT_EXCLUSION_MODEL,
  ASSIGNMENT_RUN_MODEL,
  type AssignmentExclusion,
  type AssignmentRun,
} from './assignment-run.schema';
import { ASSIGNMENT_MODEL, type Assignment, type AssignmentStatus } from './assignment.schema';

export type NewAssignment = Omit<Assignment, 'createdAt' | 'updatedAt'>;
export type NewAssignmentRun = Omit<AssignmentRun, 'createdAt' | 'updatedAt'>;
export type NewAssignmentExclusion = Omit<AssignmentExclusion, 'createdAt' | 'updatedAt'>;

export interface AssignmentFilter {
  readonly editionId?: string;
  readonly evaluatorId?: string;
  readonly proposalId?: string;
  readonly status?: AssignmentStatus;
}

export interface ExistingPair {
  proposalId: string;
  evaluatorId: string;
  status: AssignmentStatus;
}

/** Statuses that count towards an evaluator's load and a proposal's k. */
const COUNTING_STATUSES: AssignmentStatus[] = ['active', 'completed'];

@Injectable()
export class AssignmentRepository {
  constructor(
    @InjectModel(ASSIGNMENT_MODEL) private readonly assignments: Model<Assignment>,
    @InjectModel(ASSIGNMENT_RUN_MODEL) private readonly runs: Model<AssignmentRun>,
    @InjectModel(ASSIGNMENT_EXCLUSION_MODEL)
    private readonly exclusions: Model<AssignmentExclusion>,
  ) {}

  async findById(id: string, session?: ClientSession): Promise<Assignment | null> {
    return this.assignments
      .findById(id, { outbox: 0 })
      .session(session ?? null)
      .lean<Assignment>()
      .exec();
  }

  async list(filter: AssignmentFilter): Promise<Assignment[]> {
    return this.assignments
      .find(filter, { outbox: 0 })
      .sort({ proposalId: 1, evaluatorId: 1 })
      .limit(5000)
      .lean<Assignment[]>()
      .exec();
  }

  /** Every pair of an edition, whatever became of it. */
  async pairsOfEdition(editionId: string, session?: ClientSession): Promise<ExistingPair[]> {
    return this.assignments
      .find({ editionId }, { _id: 0, proposalId: 1, evaluatorId: 1, status: 1 })
      .session(session ?? null)
      .lean<ExistingPair[]>()
      .exec();
  }

  async pairsOfProposal(proposalId: string, session?: ClientSession): Promise<ExistingPair[]> {
    return this.assignments
      .find({ proposalId }, { _id: 0, proposalId: 1, evaluatorId: 1, status: 1 })
      .session(session ?? null)
      .lean<ExistingPair[]>()
      .exec();
  }

  /** Assignments counting towards each evaluator's load in the edition. */
  async loadsInEdition(editionId: string, session?: ClientSession): Promise<Map<string, number>> {
    const rows = await this.assignments
      .aggregate<{ _id: string; load: number }>([
        { $match: { editionId, status: { $in: COUNTING_STATUSES } } },
        { $group: { _id: '$evaluatorId', load: { $sum: 1 } } },
      ])
      .session(session ?? null)
      .exec();
    return new Map(rows.map((r) => [r._id, r.load]));
  }

  async insertMany(assignments: NewAssignment[], session: ClientSession): Promise<void> {
    if (assignments.length === 0) return;
    await this.assignments.insertMany(assignments, { session, ordered: true });
  }

  /** Ends an active assignment; false when it was no longer active. */
  async end(
    id: string,
    change: { status: Exclude<AssignmentStatus, 'active'>; endReason: string; endedAt: Date },
    replacedBy: string | null,
    events: readonly PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.assignments
      .updateOne(
        { _id: id, status: 'active' },
        { $set: { ...change, replacedBy }, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async saveRun(
    run: NewAssignmentRun,
    exclusions: NewAssignmentExclusion[],
    session: ClientSession,
  ): Promise<void> {
    await this.runs.create([run], { session });
    if (exclusions.length > 0) {
      await this.exclusions.insertMany(exclusions, { session, ordered: true });
    }
  }

  async findRun(runId: string): Promise<AssignmentRun | null> {
    return this.runs.findById(runId).lean<AssignmentRun>().exec();
  }

  /** The exclusions the latest run that considered the proposal recorded for it. */
  async latestExclusions(proposalId: string): Promise<AssignmentExclusion | null> {
    return this.exclusions
      .findOne({ proposalId })
      .sort({ createdAt: -1, _id: -1 })
      .lean<AssignmentExclusion>()
      .exec();
  }
}
