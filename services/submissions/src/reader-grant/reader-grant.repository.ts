import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import type { AssignmentEnding, FinalistsPublication, ReaderGrant } from './reader-grant';
import { NO_READER_GRANT } from './reader-grant';
import type { ReaderGrants } from './reader-grants';
import {
  FINALIST_STANDING_MODEL,
  READER_ASSIGNMENT_MODEL,
  type FinalistStanding,
  type ReaderAssignment,
} from './reader-grant.schema';

export type AssignmentIdentity = Pick<
  ReaderAssignment,
  '_id' | 'proposalId' | 'editionId' | 'evaluatorAccountId' | 'sourceEventId'
>;
export type FinalistStandingChange = Omit<FinalistStanding, 'createdAt' | 'updatedAt'>;

/** The only file touching the `reader_assignments` and `finalist_standings` collections. */
@Injectable()
export class ReaderGrantRepository implements ReaderGrants {
  constructor(
    @InjectModel(READER_ASSIGNMENT_MODEL)
    private readonly assignments: Model<ReaderAssignment>,
    @InjectModel(FINALIST_STANDING_MODEL)
    private readonly finalists: Model<FinalistStanding>,
  ) {}

  /**
   * Records an assignment that grants reading unless an ending is on record already (it may
   * have arrived first). `assignedAt` is null when only a completion told of it.
   */
  async recordOpen(
    assignment: AssignmentIdentity,
    assignedAt: Date | null,
    session: ClientSession,
  ): Promise<void> {
    const { _id, ...identity } = assignment;
    const created = assignedAt === null ? {} : { assignedAt };
    const unknown = assignedAt === null ? { assignedAt: null } : {};
    await this.assignments
      .updateOne(
        { _id },
        {
          $set: { ...identity, ...created },
          $setOnInsert: { ...unknown, ending: null, endedAt: null },
        },
        { upsert: true, session },
      )
      .exec();
  }

  /** Records that the assignment ended; nothing later reopens it. */
  async recordEnded(
    assignment: AssignmentIdentity,
    ending: AssignmentEnding,
    endedAt: Date,
    session: ClientSession,
  ): Promise<void> {
    const { _id, ...identity } = assignment;
    await this.assignments
      .updateOne(
        { _id },
        { $set: { ...identity, ending, endedAt }, $setOnInsert: { assignedAt: null } },
        { upsert: true, session },
      )
      .exec();
  }

  async finalistPublication(
    proposalId: string,
    session: ClientSession,
  ): Promise<FinalistsPublication | null> {
    return this.finalists
      .findById(proposalId, { publicationId: 1, publishedAt: 1 })
      .session(session)
      .lean<FinalistsPublication>()
      .exec();
  }

  /** Sets the standing; the caller has checked that it supersedes the stored one. */
  async upsertFinalist(change: FinalistStandingChange, session: ClientSession): Promise<void> {
    const { _id, ...fields } = change;
    await this.finalists.updateOne({ _id }, { $set: fields }, { upsert: true, session }).exec();
  }

  async grantOf(user: AuthenticatedUser, proposalId: string): Promise<ReaderGrant> {
    const asEvaluator = user.roles.includes('evaluator');
    const asPanelist = user.roles.includes('panelist');
    if (!asEvaluator && !asPanelist) return NO_READER_GRANT;
    const [assignment, finalist] = await Promise.all([
      asEvaluator
        ? this.assignments
            .exists({ proposalId, evaluatorAccountId: user.accountId, ending: null })
            .exec()
        : null,
      asPanelist ? this.finalists.exists({ _id: proposalId, advanced: true }).exec() : null,
    ]);
    return { assigned: assignment !== null, finalist: finalist !== null };
  }
}
