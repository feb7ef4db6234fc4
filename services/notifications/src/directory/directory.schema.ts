import { Schema } from 'mongoose';
import type { CalendarEntry, INSTITUTION_TYPES } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';
import type { Locale, Role } from '../notification/contract-types';

/**
 * Projections of other services' facts, kept from their events: who people are and how to
 * reach them (registration), what proposals are called (submissions), who is still scoring
 * and who is a finalist (evaluation). They decide recipients, never anything else.
 */

export interface AccountEntry {
  _id: string;
  userId: string | null;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
  institutionId: string | null;
  unitId: string | null;
  /** Evaluators and panelists: their home province sets their time zone. */
  homeProvinceCode: string | null;
  active: boolean;
  /** When `active` last changed (deactivated/reactivated arrive on two unordered topics). */
  statusChangedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ACCOUNT_ENTRY_MODEL = 'AccountEntry';
export const accountEntrySchema = new Schema<AccountEntry>(
  {
    _id: { type: String, required: true },
    userId: { type: String, default: null },
    name: { type: String, required: true },
    email: { type: String, required: true },
    locale: { type: String, required: true },
    roles: { type: [String], default: [] },
    institutionId: { type: String, default: null },
    unitId: { type: String, default: null },
    homeProvinceCode: { type: String, default: null },
    active: { type: Boolean, required: true, default: true },
    statusChangedAt: { type: Date, default: null },
  },
  schemaOptions('accounts'),
);
accountEntrySchema.index({ institutionId: 1, roles: 1 });
accountEntrySchema.index({ roles: 1 });

export interface InstitutionEntry {
  _id: string;
  name: string;
  type: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const INSTITUTION_ENTRY_MODEL = 'InstitutionEntry';
export const institutionEntrySchema = new Schema<InstitutionEntry>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    type: { type: String, required: true },
    provinceCode: { type: String, default: null },
    revision: { type: Number, required: true, default: 0 },
  },
  schemaOptions('institutions'),
);
institutionEntrySchema.index({ type: 1, provinceCode: 1 });

export interface EditionEntry {
  _id: string;
  name: string;
  year: number;
  calendar: CalendarEntry[];
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const EDITION_ENTRY_MODEL = 'EditionEntry';
export const editionEntrySchema = new Schema<EditionEntry>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    year: { type: Number, required: true },
    calendar: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true, default: 0 },
  },
  schemaOptions('editions'),
);

export interface ProposalEntry {
  _id: string;
  editionId: string;
  institutionId: string;
  unitId: string | null;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const PROPOSAL_ENTRY_MODEL = 'ProposalEntry';
export const proposalEntrySchema = new Schema<ProposalEntry>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    institutionId: { type: String, required: true },
    unitId: { type: String, default: null },
    title: { type: String, default: null },
  },
  schemaOptions('proposals'),
);

/** An evaluator's assignment while it is open (no score, not declined or revoked). */
export interface AssignmentEntry {
  _id: string;
  proposalId: string;
  editionId: string;
  evaluatorAccountId: string;
  dueAt: Date | null;
  open: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const ASSIGNMENT_ENTRY_MODEL = 'AssignmentEntry';
export const assignmentEntrySchema = new Schema<AssignmentEntry>(
  {
    _id: { type: String, required: true },
    proposalId: { type: String, required: true },
    editionId: { type: String, required: true },
    evaluatorAccountId: { type: String, required: true },
    dueAt: { type: Date, default: null },
    open: { type: Boolean, required: true },
  },
  schemaOptions('assignments'),
);
assignmentEntrySchema.index({ editionId: 1, open: 1, evaluatorAccountId: 1 });

/** A proposal in an edition's published finalists. */
export interface FinalistEntry {
  /** The proposal id. */
  _id: string;
  editionId: string;
  institutionId: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FINALIST_ENTRY_MODEL = 'FinalistEntry';
export const finalistEntrySchema = new Schema<FinalistEntry>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    institutionId: { type: String, required: true },
  },
  schemaOptions('finalists'),
);
finalistEntrySchema.index({ editionId: 1 });
