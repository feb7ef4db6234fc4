import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { EVALUATION_PROPOSAL_MODEL, type EvaluationProposal } from '../proposal/proposal.schema';
import { OBJECTION_MODEL, type Objection, type ObjectionResolution } from './objection.schema';

export type NewObjection = Omit<Objection, 'createdAt' | 'updatedAt'>;
export type StoredObjection = Omit<Objection, 'outbox' | 'outboxLockedUntil' | 'outboxClaim'>;

const WITHOUT_OUTBOX = { outbox: 0, outboxLockedUntil: 0, outboxClaim: 0 } as const;

/** Objections, and the one write they make on a proposal: the disqualification of an upheld one. */
@Injectable()
export class ObjectionRepository {
  constructor(
    @InjectModel(OBJECTION_MODEL) private readonly objections: Model<Objection>,
    @InjectModel(EVALUATION_PROPOSAL_MODEL) private readonly proposals: Model<EvaluationProposal>,
  ) {}

  async insert(objection: NewObjection): Promise<void> {
    await this.objections.create(objection);
  }

  async findById(objectionId: string): Promise<StoredObjection | null> {
    return this.objections.findById(objectionId, WITHOUT_OUTBOX).lean<StoredObjection>().exec();
  }

  async listByEdition(editionId: string): Promise<StoredObjection[]> {
    return this.objections
      .find({ editionId }, WITHOUT_OUTBOX)
      .sort({ filedAt: 1, _id: 1 })
      .lean<StoredObjection[]>()
      .exec();
  }

  /** False when the objection was resolved already (resolution happens once). */
  async resolve(
    objectionId: string,
    resolution: ObjectionResolution,
    events: readonly PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.objections
      .updateOne(
        { _id: objectionId, resolution: null },
        { $set: { resolution }, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Takes the proposal out of the running; an earlier disqualification stands. */
  async disqualify(
    proposalId: string,
    disqualification: NonNullable<EvaluationProposal['disqualification']>,
    session: ClientSession,
  ): Promise<void> {
    await this.proposals
      .updateOne(
        { _id: proposalId, disqualification: null },
        { $set: { disqualification } },
        { session },
      )
      .exec();
  }
}
