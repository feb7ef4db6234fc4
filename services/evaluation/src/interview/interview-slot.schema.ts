import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

/**
 * One presentation-and-interview slot of an edition, in one room. Booking writes the
 * finalist into the slot conditionally on it being free, so two racing bookings cannot both
 * win; `interview.scheduled` events ride in the slot's outbox.
 */
export interface InterviewSlot extends OutboxFields {
  /** `slot_<editionId>_<start as yyyymmddhhmm UTC>_r<room>`: regenerating a day is idempotent. */
  _id: string;
  editionId: string;
  room: number;
  startsAt: Date;
  endsAt: Date;
  presentationMinutes: number;
  interviewMinutes: number;
  /** The booked finalist; null while the slot is free. */
  proposalId: string | null;
  institutionId: string | null;
  bookedBy: string | null;
  bookedAt: Date | null;
  /** The local admin must confirm before this instant (start − the edition's lead hours). */
  confirmBy: Date | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const INTERVIEW_SLOT_MODEL = 'InterviewSlot';

export const interviewSlotSchema = new Schema<InterviewSlot>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    room: { type: Number, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    presentationMinutes: { type: Number, required: true },
    interviewMinutes: { type: Number, required: true },
    proposalId: { type: String, default: null },
    institutionId: { type: String, default: null },
    bookedBy: { type: String, default: null },
    bookedAt: { type: Date, default: null },
    confirmBy: { type: Date, default: null },
    confirmedBy: { type: String, default: null },
    confirmedAt: { type: Date, default: null },
  },
  schemaOptions('interview_slots'),
);
interviewSlotSchema.plugin(outboxPlugin);
// The schedule lists an edition's slots in time order.
interviewSlotSchema.index({ editionId: 1, startsAt: 1, room: 1 });
// One slot per finalist: a second booking of the same finalist collides here; releasing a
// disqualified finalist's booking finds its slot here.
interviewSlotSchema.index(
  { editionId: 1, proposalId: 1 },
  { unique: true, partialFilterExpression: { proposalId: { $type: 'string' } } },
);
