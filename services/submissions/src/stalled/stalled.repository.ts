import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { unsetOrAtMost } from '@kipp/mongo';
import { EDITION_PROJECTION_MODEL, type EditionProjection } from '../edition/edition.schema';
import {
  EDITABLE_STATUSES,
  PROPOSAL_MODEL,
  type Proposal,
  type ProposalStatus,
} from '../proposal/proposal.schema';
import { latestNudgeAllowing } from './manual-nudge';

/** Statuses in which a proposal has not reached the ministry and someone must still act. */
export const SITTING_STATUSES: readonly ProposalStatus[] = ['draft', 'returned', 'submitted'];

export interface ClosingEdition {
  editionId: string;
  closesAt: Date;
}

export type SittingProposal = Pick<
  Proposal,
  '_id' | 'editionId' | 'institutionId' | 'unitId' | 'title' | 'status' | 'statusSince'
>;

export interface StatusCountRow {
  institutionId: string;
  status: ProposalStatus;
  count: number;
  oldestSince: Date;
}

/** The stuck-draft queries over the proposals and the edition projection. */
@Injectable()
export class StalledRepository {
  constructor(
    @InjectModel(PROPOSAL_MODEL) private readonly proposals: Model<Proposal>,
    @InjectModel(EDITION_PROJECTION_MODEL) private readonly editions: Model<EditionProjection>,
  ) {}

  /** Editions whose submission closes after `from` and no later than `until`. */
  async findEditionsClosingBetween(from: Date, until: Date): Promise<ClosingEdition[]> {
    const editions = await this.editions
      .find({ submissionClosesAt: { $gt: from, $lte: until } }, { submissionClosesAt: 1 })
      .lean<Pick<EditionProjection, '_id' | 'submissionClosesAt'>[]>()
      .exec();
    return editions.flatMap((edition) =>
      edition.submissionClosesAt
        ? [{ editionId: edition._id, closesAt: edition.submissionClosesAt }]
        : [],
    );
  }

  async editionExists(editionId: string): Promise<boolean> {
    return (await this.editions.exists({ _id: editionId }).exec()) !== null;
  }

  /**
   * One batch of an edition's proposals still sitting with the unit or the local admin that
   * have not had the nudge of `threshold`, in id order after `afterId`.
   */
  async findSittingWithoutNotice(
    editionId: string,
    threshold: string,
    afterId: string | null,
    limit: number,
  ): Promise<SittingProposal[]> {
    return this.proposals
      .find(
        {
          editionId,
          status: { $in: SITTING_STATUSES },
          stalledNotices: { $ne: threshold },
          ...(afterId === null ? {} : { _id: { $gt: afterId } }),
        },
        { editionId: 1, institutionId: 1, unitId: 1, title: 1, status: 1, statusSince: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<SittingProposal[]>()
      .exec();
  }

  /**
   * Records the nudge of `threshold` and queues its event in one conditional write. Only
   * matches while the proposal still sits where it was read and has not had this nudge, so
   * of several replicas racing exactly one wins; the others match nothing.
   */
  async markStalled(
    proposal: SittingProposal,
    threshold: string,
    event: PendingEvent,
  ): Promise<boolean> {
    const result = await this.proposals
      .updateOne(
        {
          _id: proposal._id,
          status: proposal.status,
          statusSince: proposal.statusSince,
          stalledNotices: { $ne: threshold },
        },
        { $addToSet: { stalledNotices: threshold }, $push: pushToOutbox([event]) },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Records a manual nudge at `now` and queues its event in one conditional write: only
   * while the proposal is with the unit (draft or returned) and was not nudged by hand in
   * the last day. Of two local admins clicking at once exactly one wins.
   */
  async markNudgedByHand(proposalId: string, now: Date, event: PendingEvent): Promise<boolean> {
    const result = await this.proposals
      .updateOne(
        {
          _id: proposalId,
          status: { $in: EDITABLE_STATUSES },
          manualNudgedAt: unsetOrAtMost(latestNudgeAllowing(now)),
        },
        { $set: { manualNudgedAt: now }, $push: pushToOutbox([event]) },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Proposal counts of an edition per institution and status, with the oldest `statusSince`
   * of each; served by the `{ editionId, institutionId, status, statusSince }` index.
   */
  async countByInstitutionAndStatus(
    editionId: string,
    institutionId: string | null,
  ): Promise<StatusCountRow[]> {
    const rows = await this.proposals
      .aggregate<{
        _id: { institutionId: string; status: ProposalStatus };
        count: number;
        oldestSince: Date;
      }>([
        { $match: institutionId === null ? { editionId } : { editionId, institutionId } },
        {
          $group: {
            _id: { institutionId: '$institutionId', status: '$status' },
            count: { $sum: 1 },
            oldestSince: { $min: '$statusSince' },
          },
        },
        { $sort: { '_id.institutionId': 1, '_id.status': 1 } },
      ])
      .exec();
    return rows.map((row) => ({
      institutionId: row._id.institutionId,
      status: row._id.status,
      count: row.count,
      oldestSince: row.oldestSince,
    }));
  }
}
