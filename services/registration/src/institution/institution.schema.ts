import { Schema } from 'mongoose';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

export interface Institution extends OutboxFields {
  _id: string;
  code: string;
  name: string;
  type: InstitutionType;
  provinceCode: string | null;
  disadvantaged: boolean;
  registeredBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const INSTITUTION_MODEL = 'Institution';

export const institutionSchema = new Schema<Institution>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true, enum: INSTITUTION_TYPES },
    provinceCode: { type: String, default: null },
    disadvantaged: { type: Boolean, required: true },
    registeredBy: { type: String, required: true },
  },
  schemaOptions('institutions'),
);
institutionSchema.plugin(outboxPlugin);
// Registering a code twice is refused: the registry code is the institution's identity.
institutionSchema.index({ code: 1 }, { unique: true });
