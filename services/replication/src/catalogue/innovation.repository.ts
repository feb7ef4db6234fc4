import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import type { PendingEvent } from '@kipp/messaging';
import { pushToOutbox } from '@kipp/messaging';
import { INNOVATION_MODEL, type InnovationDocument } from './innovation.schema';
import { PROPOSAL_MARK_MODEL, type ProposalMark } from './proposal-mark.schema';

type Session = ClientSession | null | undefined;
export type StoredInnovation = Omit<InnovationDocument, 'outbox'>;

/** Everything but the outbox and the (large) token lists. */
const PUBLIC_PROJECTION = { outbox: 0, 'search.tokens': 0, 'search.titleTokens': 0 } as const;

export type InnovationSort = 'year' | 'title';

/** The only access to the innovation model for the catalogue. */
@Injectable()
export class InnovationRepository {
  constructor(
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
    @InjectModel(PROPOSAL_MARK_MODEL) private readonly marks: Model<ProposalMark>,
  ) {}

  /** See ProposalMark: serialises an award and a snapshot of one proposal. */
  async touchProposal(proposalId: string, session: ClientSession): Promise<void> {
    await this.marks
      .updateOne({ _id: proposalId }, { $inc: { touches: 1 } }, { upsert: true, session })
      .exec();
  }

  /** The same for an award and its institution's registry record. */
  async touchInstitution(institutionId: string, session: ClientSession): Promise<void> {
    await this.marks
      .updateOne(
        { _id: `institution:${institutionId}` },
        { $inc: { touches: 1 } },
        { upsert: true, session },
      )
      .exec();
  }

  async findById(innovationId: string, session?: Session): Promise<StoredInnovation | null> {
    return this.innovations
      .findById(innovationId, { outbox: 0 })
      .session(session ?? null)
      .lean<StoredInnovation>()
      .exec();
  }

  async findPublic(innovationId: string): Promise<StoredInnovation | null> {
    return this.innovations
      .findById(innovationId, PUBLIC_PROJECTION)
      .lean<StoredInnovation>()
      .exec();
  }

  async findByProposal(proposalId: string, session?: Session): Promise<StoredInnovation | null> {
    return this.innovations
      .findOne({ proposalIds: proposalId }, { outbox: 0 })
      .session(session ?? null)
      .lean<StoredInnovation>()
      .exec();
  }

  /** The identity rule: the same institution, the same normalised title. */
  async findByTitle(
    institutionId: string,
    normalisedTitle: string,
    session?: Session,
  ): Promise<StoredInnovation | null> {
    return this.innovations
      .findOne({ institutionId, 'search.normalisedTitle': normalisedTitle }, { outbox: 0 })
      .session(session ?? null)
      .lean<StoredInnovation>()
      .exec();
  }

  /** A source innovation named by a proposal, when it belongs to the same institution. */
  async findOwnSource(
    institutionId: string,
    innovationIds: readonly string[],
    session?: Session,
  ): Promise<StoredInnovation | null> {
    if (innovationIds.length === 0) return null;
    return this.innovations
      .findOne({ _id: { $in: [...innovationIds] }, institutionId }, { outbox: 0 })
      .session(session ?? null)
      .lean<StoredInnovation>()
      .exec();
  }

  async findByInstitution(
    institutionId: string,
    session: ClientSession,
  ): Promise<StoredInnovation[]> {
    return this.innovations
      .find({ institutionId }, { outbox: 0 })
      .session(session)
      .lean<StoredInnovation[]>()
      .exec();
  }

  /** Inserts a new innovation with its events; a duplicate id throws a duplicate-key error. */
  async insert(
    innovation: StoredInnovation,
    events: PendingEvent[],
    session?: Session,
  ): Promise<void> {
    await this.innovations.create([{ ...innovation, outbox: events }], {
      session: session ?? null,
    });
  }

  /** Writes the next state if nobody changed the innovation since `revision`. */
  async replace(
    revision: number,
    next: StoredInnovation,
    events: PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    // Only the innovation's own fields: the relay's claim fields are not ours to overwrite.
    const fields: Omit<
      StoredInnovation,
      '_id' | 'createdAt' | 'outboxLockedUntil' | 'outboxClaim'
    > = {
      revision: next.revision,
      title: next.title,
      institutionId: next.institutionId,
      institutionName: next.institutionName,
      institutionType: next.institutionType,
      provinceCode: next.provinceCode,
      unitId: next.unitId,
      categoryId: next.categoryId,
      sdgTargets: next.sdgTargets,
      sections: next.sections,
      proposalIds: next.proposalIds,
      awards: next.awards,
      status: next.status,
      publishedAt: next.publishedAt,
      ...(next.search ? { search: next.search } : {}),
      updatedAt: next.updatedAt,
    };
    const result = await this.innovations
      .updateOne(
        { _id: next._id, revision },
        { $set: fields, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async count(filter: QueryFilter<InnovationDocument>): Promise<number> {
    return this.innovations.countDocuments(filter).exec();
  }

  async page(
    filter: QueryFilter<InnovationDocument>,
    sort: InnovationSort,
    skip: number,
    limit: number,
  ): Promise<StoredInnovation[]> {
    return this.innovations
      .find(filter, PUBLIC_PROJECTION)
      .sort(sortOf(sort))
      .skip(skip)
      .limit(limit)
      .lean<StoredInnovation[]>()
      .exec();
  }

  /** What relevance ranking needs of every match: ids, tokens and the tie-break keys. */
  async rankingCandidates(
    filter: QueryFilter<InnovationDocument>,
  ): Promise<Pick<StoredInnovation, '_id' | 'search'>[]> {
    return this.innovations
      .find(filter, { _id: 1, search: 1 })
      .lean<Pick<StoredInnovation, '_id' | 'search'>[]>()
      .exec();
  }

  /** How many innovations each institution has in the database (institutions with none are absent). */
  async countByInstitution(): Promise<Map<string, number>> {
    const groups = await this.innovations
      .aggregate<{ _id: string; innovations: number }>([
        { $group: { _id: '$institutionId', innovations: { $sum: 1 } } },
      ])
      .exec();
    return new Map(groups.map((group) => [group._id, group.innovations]));
  }

  async byIds(ids: readonly string[]): Promise<StoredInnovation[]> {
    if (ids.length === 0) return [];
    return this.innovations
      .find({ _id: { $in: [...ids] } }, PUBLIC_PROJECTION)
      .lean<StoredInnovation[]>()
      .exec();
  }

  /** Every published innovation in a stable order, read in batches (open data exports). */
  async *all(batchSize = 200): AsyncGenerator<StoredInnovation> {
    let after: string | null = null;
    for (;;) {
      const filter: QueryFilter<InnovationDocument> = after === null ? {} : { _id: { $gt: after } };
      const batch: StoredInnovation[] = await this.innovations
        .find(filter, PUBLIC_PROJECTION)
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<StoredInnovation[]>()
        .exec();
      for (const innovation of batch) yield innovation;
      const last = batch[batch.length - 1];
      if (batch.length < batchSize || last === undefined) return;
      after = last._id;
    }
  }
}

function sortOf(sort: InnovationSort): Record<string, 1 | -1> {
  return sort === 'title'
    ? { 'search.normalisedTitle': 1, _id: 1 }
    : { 'search.latestYear': -1, 'search.normalisedTitle': 1, _id: 1 };
}
