import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

/** A public service unit of an institution; unit operators belong to one. */
export interface Unit {
  _id: string;
  institutionId: string;
  name: string;
  /** Lower-cased, space-collapsed name: "Dinas  Dukcapil" and "dinas dukcapil" are one unit. */
  nameKey: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const UNIT_MODEL = 'Unit';

export const unitSchema = new Schema<Unit>(
  {
    _id: { type: String, required: true },
    institutionId: { type: String, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    createdBy: { type: String, required: true },
  },
  schemaOptions('units'),
);
// A unit name is unique within its institution; also lists an institution's units by name.
unitSchema.index({ institutionId: 1, nameKey: 1 }, { unique: true });
