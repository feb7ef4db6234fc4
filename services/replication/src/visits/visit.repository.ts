import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Connection, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { InjectConnection } from '@kipp/mongo';
import { INNOVATION_MODEL, type InnovationDocument } from '../catalogue/innovation.schema';
import type { LinkTrace } from './led-to-replication';
import { VISIT_MODEL, type Visit } from './visit.schema';

export type StoredVisit = Omit<Visit, 'outbox' | 'outboxLockedUntil' | 'outboxClaim'>;
export type VisitedInnovation = Pick<InnovationDocument, '_id' | 'institutionId' | 'title'>;

const WITHOUT_OUTBOX = { outbox: 0, outboxLockedUntil: 0, outboxClaim: 0 } as const;
/** The ledger's collection (`ReplicationLink`), read raw: visits only look, never write. */
const REPLICATION_LINKS = 'replication_links';

interface RawLink {
  adopterInstitutionId?: unknown;
  confirmation?: unknown;
  withdrawnAt?: unknown;
  recordedAt?: unknown;
  createdAt?: unknown;
}

@Injectable()
export class VisitRepository {
  constructor(
    @InjectModel(VISIT_MODEL) private readonly visits: Model<Visit>,
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async innovation(innovationId: string): Promise<VisitedInnovation | null> {
    return this.innovations
      .findById(innovationId, { institutionId: 1, title: 1 })
      .lean<VisitedInnovation>()
      .exec();
  }

  async insert(visit: Omit<Visit, 'createdAt' | 'updatedAt'>): Promise<void> {
    await this.visits.create(visit);
  }

  async findById(visitId: string): Promise<StoredVisit | null> {
    return this.visits.findById(visitId, WITHOUT_OUTBOX).lean<StoredVisit>().exec();
  }

  /** False when the visit was confirmed already (confirmation happens once). */
  async confirm(
    visitId: string,
    confirmedBy: string,
    confirmedAt: Date,
    events: readonly PendingEvent[],
  ): Promise<boolean> {
    const result = await this.visits
      .updateOne(
        { _id: visitId, confirmed: false },
        { $set: { confirmed: true, confirmedBy, confirmedAt }, $push: pushToOutbox(events) },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async listByInnovation(
    innovationId: string,
    filter: { confirmedOnly?: boolean; visitorInstitutionId?: string } = {},
  ): Promise<StoredVisit[]> {
    return this.visits
      .find(
        {
          innovationId,
          ...(filter.confirmedOnly ? { confirmed: true } : {}),
          ...(filter.visitorInstitutionId
            ? { visitorInstitutionId: filter.visitorInstitutionId }
            : {}),
        },
        WITHOUT_OUTBOX,
      )
      .sort({ visitedOn: 1, _id: 1 })
      .lean<StoredVisit[]>()
      .exec();
  }

  /** The innovation's ledger links by the given adopters. */
  async links(innovationId: string, adopterIds: readonly string[]): Promise<LinkTrace[]> {
    if (adopterIds.length === 0) return [];
    const raw = await this.connection
      .collection<RawLink>(REPLICATION_LINKS)
      .find(
        { innovationId, adopterInstitutionId: { $in: [...new Set(adopterIds)] } },
        {
          projection: {
            adopterInstitutionId: 1,
            confirmation: 1,
            withdrawnAt: 1,
            recordedAt: 1,
            createdAt: 1,
          },
        },
      )
      .toArray();
    return raw.flatMap((link) => {
      const at = link.recordedAt ?? link.createdAt;
      const recordedAt = at instanceof Date ? at : typeof at === 'string' ? new Date(at) : null;
      if (typeof link.adopterInstitutionId !== 'string' || !recordedAt) return [];
      return [
        {
          adopterInstitutionId: link.adopterInstitutionId,
          confirmation: typeof link.confirmation === 'string' ? link.confirmation : 'pending',
          withdrawn: link.withdrawnAt !== undefined && link.withdrawnAt !== null,
          recordedAt,
        },
      ];
    });
  }
}
