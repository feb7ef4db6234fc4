import { Schema } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

/**
 * A visit (studi tiru) of another institution to an innovation's origin: recorded by the
 * origin institution, confirmed by the visitor. Only confirmed visits are public.
 */
export interface Visit extends OutboxFields {
  /** `vis_<uuid>`. */
  _id: string;
  innovationId: string;
  originInstitutionId: string;
  visitorInstitutionId: string;
  /** `YYYY-MM-DD`, the day of the visit in the origin's time zone. */
  visitedOn: string;
  purpose: string;
  recordedBy: string;
  recordedAt: Date;
  confirmed: boolean;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const VISIT_MODEL = 'Visit';

export const visitSchema = new Schema<Visit>(
  {
    _id: { type: String, required: true },
    innovationId: { type: String, required: true },
    originInstitutionId: { type: String, required: true },
    visitorInstitutionId: { type: String, required: true },
    visitedOn: { type: String, required: true },
    purpose: { type: String, required: true },
    recordedBy: { type: String, required: true },
    recordedAt: { type: Date, required: true },
    confirmed: { type: Boolean, required: true, default: false },
    confirmedBy: { type: String, default: null },
    confirmedAt: { type: Date, default: null },
  },
  schemaOptions('visits'),
);
visitSchema.plugin(outboxPlugin);
// The visits of one innovation, by date (signed-in and public lists).
visitSchema.index({ innovationId: 1, visitedOn: 1, _id: 1 });
