import { Schema } from 'mongoose';
import type { EditionConfiguration } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/**
 * This service's projection of an edition (owned by registration), kept from
 * `registration.edition.published|updated|phase-changed`: the form, quotas and calendar
 * that drafting, the hard close and eligibility need, without asking registration.
 */
export interface EditionProjection {
  _id: string;
  configuration: EditionConfiguration;
  /** Revision of the configuration last applied; older updates are ignored. */
  revision: number;
  currentPhase: string | null;
  /** When the phase last applied changed; older phase events are ignored. */
  currentPhaseChangedAt: Date | null;
  /** End of the `submission` phase: nothing is accepted after it. Null when the calendar has none. */
  submissionClosesAt: Date | null;
  /** Start of the `submission` phase. */
  submissionOpensAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
}

export const EDITION_PROJECTION_MODEL = 'EditionProjection';

export const editionProjectionSchema = new Schema<EditionProjection>(
  {
    _id: { type: String, required: true },
    configuration: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    currentPhase: { type: String, default: null },
    currentPhaseChangedAt: { type: Date, default: null },
    submissionClosesAt: { type: Date, default: null },
    submissionOpensAt: { type: Date, default: null },
  },
  schemaOptions('editions'),
);
// Stuck-draft detection looks for editions whose close is approaching.
editionProjectionSchema.index({ submissionClosesAt: 1 });
