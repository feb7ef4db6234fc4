import { Schema } from 'mongoose';
import type { INSTITUTION_TYPES } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/**
 * This service's own projection of the institution registry (owned by registration),
 * kept from `registration.institution.registered.v1`: quotas and eligibility are checked
 * against it without asking registration.
 */
export interface InstitutionProjection {
  _id: string;
  code: string;
  name: string;
  type: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  disadvantaged: boolean;
  registeredAt: Date;
  /** The event that last changed this projection. */
  sourceEventId: string;
}

export const INSTITUTION_PROJECTION_MODEL = 'InstitutionProjection';

export const institutionProjectionSchema = new Schema<InstitutionProjection>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true },
    provinceCode: { type: String, default: null },
    disadvantaged: { type: Boolean, required: true },
    registeredAt: { type: Date, required: true },
    sourceEventId: { type: String, required: true },
  },
  schemaOptions('institutions'),
);
