import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import type { ProposalSnapshot } from '@kipp/contracts';
import {
  EVALUATION_PROPOSAL_MODEL,
  type EvaluationProposal,
  type ProposalInstitution,
} from './proposal.schema';

export interface ProposalListFilter {
  /** Leave out proposals withdrawn by their unit (default true). */
  excludeWithdrawn?: boolean;
  /** Selection outcome; `undecided` for proposals without a decision. */
  selection?: 'undecided' | 'pass' | 'fail';
  groupId?: EvaluationProposal['groupId'];
  categoryId?: string;
  institutionId?: string;
}

/** A forwarded snapshot as the projection stores it. */
export interface ForwardedProposal {
  snapshot: ProposalSnapshot;
  institution: ProposalInstitution | null;
  forwardedAt: Date;
}

/** Reads of the forwarded proposals (exported by ProposalModule) and the projection's writes. */
@Injectable()
export class ProposalRepository {
  constructor(
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly model: Model<EvaluationProposal>,
  ) {}

  async findById(proposalId: string, session?: ClientSession): Promise<EvaluationProposal | null> {
    return this.model
      .findById(proposalId)
      .session(session ?? null)
      .lean<EvaluationProposal>()
      .exec();
  }

  /** An edition's proposals in id order (deterministic for every later stage). */
  async listByEdition(
    editionId: string,
    filter: ProposalListFilter = {},
    session?: ClientSession,
  ): Promise<EvaluationProposal[]> {
    return this.model
      .find(toQuery(editionId, filter))
      .sort({ _id: 1 })
      .session(session ?? null)
      .lean<EvaluationProposal[]>()
      .exec();
  }

  /** Inserts the first snapshot, or replaces an older one (clearing a decision taken on it). */
  async applyForwarded(forwarded: ForwardedProposal, session: ClientSession): Promise<void> {
    const { snapshot } = forwarded;
    const stored = await this.findById(snapshot.proposalId, session);
    const fields = {
      editionId: snapshot.editionId,
      groupId: snapshot.groupId,
      categoryId: snapshot.categoryId,
      institutionId: snapshot.institutionId,
      unitId: snapshot.unitId,
      title: snapshot.title,
      snapshot,
      snapshotVersion: snapshot.snapshotVersion,
      institution: forwarded.institution ?? stored?.institution ?? null,
      forwardedAt: forwarded.forwardedAt,
    };
    if (!stored) {
      await this.model.create(
        [{ _id: snapshot.proposalId, ...fields, withdrawnAt: null, selection: null }],
        { session },
      );
      return;
    }
    const clearsSelection =
      stored.selection !== null && stored.selection.snapshotVersion < snapshot.snapshotVersion;
    await this.model
      .updateOne(
        { _id: snapshot.proposalId, snapshotVersion: { $lt: snapshot.snapshotVersion } },
        { $set: { ...fields, ...(clearsSelection ? { selection: null } : {}) } },
        { session },
      )
      .exec();
  }

  /** Marks a proposal withdrawn; false when it is not here (yet). */
  async markWithdrawn(
    proposalId: string,
    withdrawnAt: Date,
    session: ClientSession,
  ): Promise<boolean> {
    // Only the first withdrawal counts; a redelivered or later one leaves its instant.
    const result = await this.model
      .updateOne({ _id: proposalId, withdrawnAt: null }, { $set: { withdrawnAt } }, { session })
      .exec();
    if (result.matchedCount > 0) return true;
    return (await this.model.exists({ _id: proposalId }).session(session).exec()) !== null;
  }

  async fillMissingInstitution(
    institutionId: string,
    institution: ProposalInstitution,
    session: ClientSession,
  ): Promise<void> {
    await this.model
      .updateMany({ institutionId, institution: null }, { $set: { institution } }, { session })
      .exec();
  }
}

function toQuery(editionId: string, filter: ProposalListFilter): QueryFilter<EvaluationProposal> {
  const query: QueryFilter<EvaluationProposal> = { editionId };
  if (filter.excludeWithdrawn ?? true) query.withdrawnAt = null;
  if (filter.selection === 'undecided') query.selection = null;
  else if (filter.selection) query['selection.outcome'] = filter.selection;
  if (filter.groupId) query.groupId = filter.groupId;
  if (filter.categoryId) query.categoryId = filter.categoryId;
  if (filter.institutionId) query.institutionId = filter.institutionId;
  return query;
}
