import { Schema } from 'mongoose';
import type { EditionConfiguration, EditionPhase } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/**
 * This service's projection of an edition (owned by registration), kept from
 * `registration.edition.published|updated|phase-changed`. Every size, weight, margin and
 * window evaluation uses is read from `configuration` (its `evaluation` block above all),
 * never from code.
 */
export interface EditionProjection {
  _id: string;
  configuration: EditionConfiguration;
  /** Revision of the configuration last applied; older updates are ignored. */
  revision: number;
  currentPhase: EditionPhase | null;
  /** When the phase last applied changed; older phase events are ignored. */
  currentPhaseChangedAt: Date | null;
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
  },
  schemaOptions('editions'),
);
