import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, QueryFilter, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { INNOVATION_MODEL, type InnovationDocument } from '../catalogue/innovation.schema';
import {
  CHECK_IN_MODEL,
  type CheckIn,
  type CheckInAnswer,
  type CheckInStatus,
} from './check-in.schema';

export type StoredCheckIn = Omit<CheckIn, 'outbox' | 'outboxLockedUntil' | 'outboxClaim'>;
export type AskedInnovation = Pick<
  InnovationDocument,
  '_id' | 'title' | 'institutionId' | 'unitId' | 'publishedAt' | 'status'
>;

const WITHOUT_OUTBOX = { outbox: 0, outboxLockedUntil: 0, outboxClaim: 0 } as const;
const LIST_LIMIT = 500;

export interface CheckInFilter {
  innovationId?: string | undefined;
  institutionId?: string | undefined;
  status?: CheckInStatus | undefined;
}

@Injectable()
export class CheckInRepository {
  constructor(
    @InjectModel(CHECK_IN_MODEL) private readonly checkIns: Model<CheckIn>,
    @InjectModel(INNOVATION_MODEL) private readonly innovations: Model<InnovationDocument>,
  ) {}

  /** Awarded innovations that still run (or lapsed ones, which are asked again). */
  async askedInnovations(): Promise<AskedInnovation[]> {
    return this.innovations
      .find(
        { 'awards.0': { $exists: true }, status: { $ne: 'stopped' } },
        { title: 1, institutionId: 1, unitId: 1, publishedAt: 1, status: 1 },
      )
      .lean<AskedInnovation[]>()
      .exec();
  }

  async innovationStatus(
    innovationId: string,
    session: ClientSession,
  ): Promise<InnovationDocument['status'] | null> {
    const found = await this.innovations
      .findById(innovationId, { status: 1 })
      .session(session)
      .lean<Pick<InnovationDocument, 'status'>>()
      .exec();
    return found?.status ?? null;
  }

  async innovationExists(innovationId: string): Promise<boolean> {
    return (await this.innovations.exists({ _id: innovationId }).exec()) !== null;
  }

  async latest(innovationId: string): Promise<StoredCheckIn | null> {
    return this.checkIns
      .findOne({ innovationId }, WITHOUT_OUTBOX)
      .sort({ period: -1 })
      .lean<StoredCheckIn>()
      .exec();
  }

  /** False when it exists already: another replica opened it (exactly once either way). */
  async open(checkIn: Omit<CheckIn, 'createdAt' | 'updatedAt'>): Promise<boolean> {
    try {
      await this.checkIns.create(checkIn);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async openPastDue(now: Date, limit: number): Promise<StoredCheckIn[]> {
    return this.checkIns
      .find({ status: 'open', dueAt: { $lt: now } }, WITHOUT_OUTBOX)
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean<StoredCheckIn[]>()
      .exec();
  }

  /** False when it is no longer open (answered, or another replica marked it). */
  async markOverdue(
    checkInId: string,
    now: Date,
    events: readonly PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.checkIns
      .updateOne(
        { _id: checkInId, status: 'open', dueAt: { $lt: now } },
        { $set: { status: 'overdue', overdueAt: now }, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async latestStatuses(
    innovationId: string,
    count: number,
    session: ClientSession,
  ): Promise<CheckInStatus[]> {
    const latest = await this.checkIns
      .find({ innovationId }, { status: 1 })
      .sort({ period: -1 })
      .limit(count)
      .session(session)
      .lean<Pick<CheckIn, 'status'>[]>()
      .exec();
    return latest.map((checkIn) => checkIn.status);
  }

  async findById(checkInId: string): Promise<StoredCheckIn | null> {
    return this.checkIns.findById(checkInId, WITHOUT_OUTBOX).lean<StoredCheckIn>().exec();
  }

  /** False when it was answered already (a check-in is answered once). */
  async answer(
    checkInId: string,
    answer: CheckInAnswer,
    events: readonly PendingEvent[],
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.checkIns
      .updateOne(
        { _id: checkInId, status: { $in: ['open', 'overdue'] } },
        { $set: { status: 'answered', answer }, $push: pushToOutbox(events) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  async list(filter: CheckInFilter): Promise<StoredCheckIn[]> {
    const query: QueryFilter<CheckIn> = {};
    if (filter.innovationId !== undefined) query.innovationId = filter.innovationId;
    if (filter.institutionId !== undefined) query.institutionId = filter.institutionId;
    if (filter.status !== undefined) query.status = filter.status;
    return this.checkIns
      .find(query, WITHOUT_OUTBOX)
      .sort({ period: -1, _id: 1 })
      .limit(LIST_LIMIT)
      .lean<StoredCheckIn[]>()
      .exec();
  }
}
