import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ClientSession, Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { INTERVIEW_SLOT_MODEL, type InterviewSlot } from './interview-slot.schema';
import { FinalistAlreadyBookedError } from './interview.errors';

export type SlotView = Omit<InterviewSlot, 'outbox'>;
export type NewSlot = Pick<
  InterviewSlot,
  '_id' | 'editionId' | 'room' | 'startsAt' | 'endsAt' | 'presentationMinutes' | 'interviewMinutes'
>;

export interface Booking {
  proposalId: string;
  institutionId: string;
  bookedBy: string;
  bookedAt: Date;
  confirmBy: Date;
}

export interface SlotFilter {
  /** Only free slots, or those of this institution. */
  visibleToInstitution?: string;
  /** Booked, unconfirmed and past the confirmation deadline at this instant. */
  atRiskAt?: Date;
}

const FREE = {
  proposalId: null,
  institutionId: null,
  bookedBy: null,
  bookedAt: null,
  confirmBy: null,
  confirmedBy: null,
  confirmedAt: null,
};

@Injectable()
export class InterviewRepository {
  constructor(@InjectModel(INTERVIEW_SLOT_MODEL) private readonly slots: Model<InterviewSlot>) {}

  /** Inserts the slots that do not exist yet; existing ones (same id) are kept as they are. */
  async insertMissing(slots: NewSlot[]): Promise<void> {
    if (slots.length === 0) return;
    try {
      await this.slots.insertMany(slots, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] })
        .writeErrors;
      const onlyDuplicates =
        isDuplicateKeyError(error) ||
        (writeErrors !== undefined && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000));
      if (!onlyDuplicates) throw error;
    }
  }

  async findById(slotId: string, session?: ClientSession): Promise<SlotView | null> {
    return this.slots
      .findById(slotId, { outbox: 0 })
      .session(session ?? null)
      .lean<SlotView>()
      .exec();
  }

  async findByIds(slotIds: string[]): Promise<SlotView[]> {
    return this.slots
      .find({ _id: { $in: slotIds } }, { outbox: 0 })
      .sort({ startsAt: 1, room: 1 })
      .lean<SlotView[]>()
      .exec();
  }

  async list(editionId: string, filter: SlotFilter): Promise<SlotView[]> {
    const query: Record<string, unknown> = { editionId };
    if (filter.visibleToInstitution !== undefined) {
      query['$or'] = [{ proposalId: null }, { institutionId: filter.visibleToInstitution }];
    }
    if (filter.atRiskAt) {
      query['proposalId'] = { $ne: null };
      query['confirmedAt'] = null;
      query['confirmBy'] = { $lte: filter.atRiskAt };
    }
    return this.slots
      .find(query, { outbox: 0 })
      .sort({ startsAt: 1, room: 1 })
      .limit(5000)
      .lean<SlotView[]>()
      .exec();
  }

  /** Books a free slot; null when it was taken first. */
  async book(slotId: string, booking: Booking, event: PendingEvent): Promise<SlotView | null> {
    try {
      return await this.slots
        .findOneAndUpdate(
          { _id: slotId, proposalId: null },
          {
            $set: { ...FREE, ...booking },
            $push: pushToOutbox([event]),
          },
          { returnDocument: 'after', projection: { outbox: 0 } },
        )
        .lean<SlotView>()
        .exec();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new FinalistAlreadyBookedError(booking.proposalId);
      throw error;
    }
  }

  /** Confirms a booking still held by the proposal; null when it changed meanwhile. */
  async confirm(
    slotId: string,
    proposalId: string,
    confirmedBy: string,
    confirmedAt: Date,
    event: PendingEvent,
  ): Promise<SlotView | null> {
    return this.slots
      .findOneAndUpdate(
        { _id: slotId, proposalId },
        { $set: { confirmedBy, confirmedAt }, $push: pushToOutbox([event]) },
        { returnDocument: 'after', projection: { outbox: 0 } },
      )
      .lean<SlotView>()
      .exec();
  }

  /** The slot booked by the finalist, if any. */
  async findBooked(
    editionId: string,
    proposalId: string,
    session?: ClientSession,
  ): Promise<SlotView | null> {
    return this.slots
      .findOne({ editionId, proposalId }, { outbox: 0 })
      .session(session ?? null)
      .lean<SlotView>()
      .exec();
  }

  /** Frees a slot still held by the proposal; false when it changed meanwhile. */
  async release(
    slotId: string,
    proposalId: string,
    event: PendingEvent,
    session?: ClientSession,
  ): Promise<boolean> {
    const result = await this.slots
      .updateOne({ _id: slotId, proposalId }, { $set: FREE, $push: pushToOutbox([event]) })
      .session(session ?? null)
      .exec();
    return result.modifiedCount === 1;
  }

  /** Writes a booking into a slot that must be free (inside the swap's transaction). */
  async occupy(
    slotId: string,
    booking: Booking,
    event: PendingEvent,
    session: ClientSession,
  ): Promise<boolean> {
    const result = await this.slots
      .updateOne(
        { _id: slotId, proposalId: null },
        { $set: { ...FREE, ...booking }, $push: pushToOutbox([event]) },
        { session },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /** Empties a slot held by the proposal without an event (the move's event goes with the new slot). */
  async vacate(slotId: string, proposalId: string, session: ClientSession): Promise<boolean> {
    const result = await this.slots
      .updateOne({ _id: slotId, proposalId }, { $set: FREE }, { session })
      .exec();
    return result.modifiedCount === 1;
  }
}
