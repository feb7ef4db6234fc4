import { Schema } from 'mongoose';
import type { INSTITUTION_TYPES } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/**
 * This service's projection of the institution registry (owned by registration), kept from
 * `registration.institution.registered|updated`: conflicts of interest (same province),
 * representation (type, region, 3T) and the outputs (names, DID for Pemda) read it.
 */
export interface InstitutionProjection {
  _id: string;
  code: string;
  name: string;
  type: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  /** A disadvantaged (3T) region. */
  disadvantaged: boolean;
  /** The registry's revision last applied (0 for the registration event). */
  revision: number;
  updatedAt: Date;
  createdAt: Date;
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
    revision: { type: Number, required: true, default: 0 },
  },
  schemaOptions('institutions'),
);
