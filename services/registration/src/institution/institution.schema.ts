import { Schema } from 'mongoose';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** The types that are regional governments (Pemda), seeded from the administrative data. */
export const PEMDA_TYPES = ['province', 'regency', 'city'] as const satisfies InstitutionType[];

export const EDITABLE_FIELDS = ['name', 'type', 'provinceCode', 'disadvantaged'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface FieldChange {
  field: EditableField;
  from: unknown;
  to: unknown;
}

/** One entry of an institution's record of changes: who did what, when. */
export interface InstitutionHistoryEntry {
  at: Date;
  /** An account id, or `system:<process>` for changes the platform made itself. */
  by: string;
  action: 'registered' | 'updated';
  revision: number;
  changes: FieldChange[];
}

export interface Institution extends OutboxFields {
  _id: string;
  code: string;
  name: string;
  type: InstitutionType;
  provinceCode: string | null;
  disadvantaged: boolean;
  registeredBy: string;
  /** Starts at 1 and grows by one with every change; clients send it back to update. */
  revision: number;
  history: InstitutionHistoryEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export const INSTITUTION_MODEL = 'Institution';

const fieldChangeSchema = new Schema<FieldChange>(
  {
    field: { type: String, required: true, enum: EDITABLE_FIELDS },
    from: { type: Schema.Types.Mixed, default: null },
    to: { type: Schema.Types.Mixed, default: null },
  },
  { _id: false },
);

const historyEntrySchema = new Schema<InstitutionHistoryEntry>(
  {
    at: { type: Date, required: true },
    by: { type: String, required: true },
    action: { type: String, required: true, enum: ['registered', 'updated'] },
    revision: { type: Number, required: true },
    changes: { type: [fieldChangeSchema], default: [] },
  },
  { _id: false },
);

export const institutionSchema = new Schema<Institution>(
  {
    _id: { type: String, required: true },
    code: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true, enum: INSTITUTION_TYPES },
    provinceCode: { type: String, default: null },
    disadvantaged: { type: Boolean, required: true },
    registeredBy: { type: String, required: true },
    revision: { type: Number, required: true, default: 1 },
    history: { type: [historyEntrySchema], default: [] },
  },
  schemaOptions('institutions'),
);
institutionSchema.plugin(outboxPlugin);
// Registering a code twice is refused: the registry code is the institution's identity.
// Also serves the seed and the CSV import, which look up which codes exist already.
institutionSchema.index({ code: 1 }, { unique: true });
// The unfiltered list (and a search by name) is sorted by name; _id keeps pages stable.
institutionSchema.index({ name: 1, _id: 1 });
// The list filtered by type (e.g. all cities), and the start-up check "are there Pemda yet?".
institutionSchema.index({ type: 1, name: 1, _id: 1 });
// The list filtered by province: a province and its regencies and cities.
institutionSchema.index({ provinceCode: 1, name: 1, _id: 1 });
// The list of disadvantaged (3T) regions.
institutionSchema.index({ disadvantaged: 1, name: 1, _id: 1 });
