import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import type { OtherTitle } from './eligibility';
import {
  PROPOSAL_MODEL,
  type EligibilityCheck,
  type Proposal,
  type ProposalSection,
  type ProposalStatus,
  type ProposalTransition,
} from './proposal.schema';
import type { ProposalSnapshot } from '@kipp/contracts';

export type NewProposal = Omit<Proposal, 'outbox' | 'createdAt' | 'updatedAt'>;

export interface ProposalFilter {
  readonly editionId?: string;
  readonly status?: ProposalStatus;
  readonly institutionId?: string;
  readonly unitId?: string;
}

export interface ContentChange {
  readonly title?: string;
  readonly innovationStartDate?: string | null;
  readonly sections?: ProposalSection[];
  readonly sdgTargets?: string[];
  readonly sourceInnovationIds?: string[];
  readonly integrityDeclaration?: { signedBy: string; signedAt: Date };
  readonly eligibility: EligibilityCheck[];
  readonly eligibilityCheckedAt: Date;
}

export interface StatusChange {
  readonly to: ProposalStatus;
  readonly transition: ProposalTransition;
  readonly snapshot?: ProposalSnapshot;
  readonly eligibility?: EligibilityCheck[];
  readonly events: readonly PendingEvent[];
}

@Injectable()
export class ProposalRepository {
  constructor(@InjectModel(PROPOSAL_MODEL) private readonly model: Model<Proposal>) {}

  async insert(proposal: NewProposal): Promise<Proposal> {
    const created = await this.model.create(proposal);
    return created.toObject();
  }

  async findById(proposalId: string): Promise<Proposal | null> {
    return this.model.findById(proposalId).lean<Proposal>().exec();
  }

  async list(filter: ProposalFilter): Promise<Proposal[]> {
    return this.model
      .find(filter, { outbox: 0 })
      .sort({ createdAt: -1 })
      .limit(1000)
      .lean<Proposal[]>()
      .exec();
  }

  /** Titles of the institution's other live proposals, in every edition (duplicate check). */
  async otherTitles(institutionId: string, excludeId: string): Promise<OtherTitle[]> {
    const rows = await this.model
      .find(
        { institutionId, _id: { $ne: excludeId }, status: { $ne: 'withdrawn' } },
        { title: 1, editionId: 1 },
      )
      .lean<Pick<Proposal, '_id' | 'title' | 'editionId'>[]>()
      .exec();
    return rows.map((r) => ({ proposalId: r._id, editionId: r.editionId, title: r.title }));
  }

  /** Applies a content change if the proposal is still at `revision` and editable. */
  async changeContent(
    proposalId: string,
    revision: number,
    editable: readonly ProposalStatus[],
    change: ContentChange,
  ): Promise<boolean> {
    const result = await this.model
      .updateOne(
        { _id: proposalId, revision, status: { $in: editable } },
        { $set: change, $inc: { revision: 1 } },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Moves the proposal on if it is still in the status and revision read, with the
   * transition record and its events in the same write: a double click acts once.
   */
  async changeStatus(
    proposal: Pick<Proposal, '_id' | 'status' | 'revision'>,
    change: StatusChange,
    session?: ClientSession,
  ): Promise<boolean> {
    const push: Record<string, unknown> = {
      transitions: change.transition,
      ...pushToOutbox(change.events),
    };
    if (change.snapshot) push.snapshots = change.snapshot;
    const set: Record<string, unknown> = { status: change.to, statusSince: change.transition.at };
    if (change.eligibility) {
      set.eligibility = change.eligibility;
      set.eligibilityCheckedAt = change.transition.at;
    }
    const result = await this.model
      .updateOne(
        { _id: proposal._id, status: proposal.status, revision: proposal.revision },
        { $set: set, $inc: { revision: 1 }, $push: push },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }
}
