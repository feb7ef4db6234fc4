import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { INNOVATION_MODEL, type InnovationDocument } from '../catalogue/innovation.schema';
import {
  REPLICATION_LINK_MODEL,
  type LinkHistoryEntry,
  type ReplicationLinkDocument,
} from './replication-link.schema';

type Session = ClientSession | null | undefined;

export type StoredReplicationLink = Omit<
  ReplicationLinkDocument,
  'outbox' | 'outboxLockedUntil' | 'outboxClaim'
>;
export type OriginInnovation = Pick<
  InnovationDocument,
  '_id' | 'title' | 'institutionId' | 'unitId'
>;

/** The fields a change of a link may set (identity and source never change). */
export type LinkChange = Partial<
  Pick<
    ReplicationLinkDocument,
    'status' | 'confirmation' | 'disputeReason' | 'active' | 'withdrawnAt'
  >
>;

export interface LinkFilter {
  innovationId?: string;
  /** Links where this institution is the adopter or the origin. */
  institutionId?: string;
  adopterInstitutionId?: string;
  adopterProvinceCode?: string;
  confirmation?: ReplicationLinkDocument['confirmation'];
  status?: ReplicationLinkDocument['status'];
}

const WITHOUT_OUTBOX = { outbox: 0, outboxLockedUntil: 0, outboxClaim: 0 } as const;

/** The ledger's links, and the innovations of the public database they point at. */
@Injectable()
export class ReplicationLinkRepository {
  constructor(
    @InjectModel(REPLICATION_LINK_MODEL)
    private readonly links: Model<ReplicationLinkDocument>,
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
  ) {}

  async findInnovation(innovationId: string, session?: Session): Promise<OriginInnovation | null> {
    return this.innovations
      .findById(innovationId, { title: 1, institutionId: 1, unitId: 1 })
      .session(session ?? null)
      .lean<OriginInnovation>()
      .exec();
  }

  /** Rejects with a duplicate-key error when the adopter has an active link already. */
  async insert(
    link: ReplicationLinkDocument,
    events: readonly PendingEvent[],
    session?: Session,
  ): Promise<void> {
    // The schema's timestamps set createdAt and updatedAt.
    const { createdAt: _created, updatedAt: _updated, ...fields } = link;
    await this.links.create([{ ...fields, outbox: [...events] }], { session: session ?? null });
  }

  async findActive(
    adopterInstitutionId: string,
    innovationId: string,
    session?: Session,
  ): Promise<string | null> {
    const found = await this.links
      .findOne({ adopterInstitutionId, innovationId, active: true }, { _id: 1 })
      .session(session ?? null)
      .lean<{ _id: string }>()
      .exec();
    return found?._id ?? null;
  }

  async existsForProposal(
    proposalId: string,
    innovationId: string,
    session: ClientSession,
  ): Promise<boolean> {
    const found = await this.links
      .findOne({ proposalId, innovationId }, { _id: 1 })
      .session(session)
      .lean<{ _id: string }>()
      .exec();
    return found !== null;
  }

  /** A link, unless there is none or it was withdrawn. */
  async findById(replicationId: string, session?: Session): Promise<StoredReplicationLink | null> {
    return this.links
      .findOne({ _id: replicationId, withdrawnAt: null }, WITHOUT_OUTBOX)
      .session(session ?? null)
      .lean<StoredReplicationLink>()
      .exec();
  }

  /**
   * Applies a change if the link is still at `expectedRevision`, with its history entry and
   * events in the same single-document update; false when another change won meanwhile.
   */
  async applyChange(
    replicationId: string,
    expectedRevision: number,
    change: LinkChange,
    entry: LinkHistoryEntry,
    events: readonly PendingEvent[],
    now: Date,
    session?: Session,
  ): Promise<boolean> {
    const result = await this.links
      .updateOne(
        { _id: replicationId, revision: expectedRevision, withdrawnAt: null },
        {
          $set: { ...change, revision: expectedRevision + 1, updatedAt: now },
          $push: { history: entry, ...pushToOutbox(events) },
        },
        { session: session ?? undefined, timestamps: false },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async pendingOfProposal(
    proposalId: string,
    session: ClientSession,
  ): Promise<StoredReplicationLink[]> {
    return this.links
      .find({ proposalId, confirmation: 'pending', withdrawnAt: null }, WITHOUT_OUTBOX)
      .session(session)
      .lean<StoredReplicationLink[]>()
      .exec();
  }

  async list(
    filter: LinkFilter,
    page: { offset: number; limit: number },
  ): Promise<{ links: StoredReplicationLink[]; total: number }> {
    const query = toQuery(filter);
    const links = await this.links
      .find(query, WITHOUT_OUTBOX)
      .sort({ recordedAt: -1, _id: 1 })
      .skip(page.offset)
      .limit(page.limit)
      .lean<StoredReplicationLink[]>()
      .exec();
    const total = await this.links.countDocuments(query).exec();
    return { links, total };
  }
}

function toQuery(filter: LinkFilter): QueryFilter<ReplicationLinkDocument> {
  const query: QueryFilter<ReplicationLinkDocument> = { withdrawnAt: null };
  if (filter.innovationId !== undefined) query.innovationId = filter.innovationId;
  if (filter.adopterInstitutionId !== undefined) {
    query.adopterInstitutionId = filter.adopterInstitutionId;
  }
  if (filter.adopterProvinceCode !== undefined) {
    query.adopterProvinceCode = filter.adopterProvinceCode;
  }
  if (filter.confirmation !== undefined) query.confirmation = filter.confirmation;
  if (filter.status !== undefined) query.status = filter.status;
  if (filter.institutionId !== undefined) {
    query.$or = [
      { adopterInstitutionId: filter.institutionId },
      { originInstitutionId: filter.institutionId },
    ];
  }
  return query;
}
