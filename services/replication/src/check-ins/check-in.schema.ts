import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export const CHECK_IN_STATUSES = ['open', 'overdue', 'answered'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

export const CHECK_IN_OUTCOMES = ['active', 'scaled', 'stopped'] as const;
export type CheckInOutcome = (typeof CHECK_IN_OUTCOMES)[number];

export interface CheckInAnswer {
  running: boolean;
  inBudget: boolean;
  regulationInForce: boolean;
  peopleServed: number | null;
  scaled: boolean;
  outcome: CheckInOutcome;
  /** Answered after its due date. */
  late: boolean;
  answeredBy: string;
  answeredAt: Date;
}

/**
 * One yearly sustainability check-in of an awarded innovation. Opened by the scan once per
 * innovation and period (the id is `chk_{innovationId}_{period}`, so replicas cannot open it
 * twice), answered by the innovation's institution.
 */
export interface CheckIn extends OutboxFields {
  _id: string;
  innovationId: string;
  innovationTitle: string;
  institutionId: string;
  unitId: string | null;
  /** The year the check-in is about. */
  period: number;
  /** When the schedule says it opens; the next one is counted from here. */
  scheduledAt: Date;
  openedAt: Date;
  dueAt: Date;
  status: CheckInStatus;
  overdueAt: Date | null;
  answer: CheckInAnswer | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CHECK_IN_MODEL = 'CheckIn';

export const checkInSchema = new Schema<CheckIn>(
  {
    _id: { type: String, required: true },
    innovationId: { type: String, required: true },
    innovationTitle: { type: String, required: true },
    institutionId: { type: String, required: true },
    unitId: { type: String, default: null },
    period: { type: Number, required: true },
    scheduledAt: { type: Date, required: true },
    openedAt: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    status: { type: String, required: true },
    overdueAt: { type: Date, default: null },
    answer: { type: Schema.Types.Mixed, default: null },
  },
  { ...schemaOptions('check_ins'), minimize: false },
);
checkInSchema.plugin(outboxPlugin);
// The latest check-ins of an innovation (scheduling, lapse count, its public list).
checkInSchema.index({ innovationId: 1, period: -1 });
// The scan's overdue pass: open check-ins past their due date.
checkInSchema.index({ status: 1, dueAt: 1 });
// An institution's check-ins (signed-in list).
checkInSchema.index({ institutionId: 1, period: -1 });
