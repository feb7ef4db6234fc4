import { Schema } from 'mongoose';
import type { INSTITUTION_TYPES, ProposalSnapshot } from '@kipp/contracts';
import { schemaOptions } from '@kipp/mongo';

/** The institution registry as registration publishes it (regions, types, names). */
export interface InstitutionEntry {
  _id: string;
  code: string;
  name: string;
  type: (typeof INSTITUTION_TYPES)[number];
  provinceCode: string | null;
  disadvantaged: boolean;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export const INSTITUTION_ENTRY_MODEL = 'InstitutionEntry';
export const institutionEntrySchema = new Schema<InstitutionEntry>(
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
institutionEntrySchema.index({ provinceCode: 1, type: 1 });

/**
 * Forwarded proposals as submissions froze them (the latest snapshot version): the public
 * database takes an innovation's content from here, and replication-group proposals name
 * the innovations they replicate.
 */
export interface ProposalEntry {
  _id: string;
  snapshotVersion: number;
  snapshot: ProposalSnapshot;
  forwardedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const PROPOSAL_ENTRY_MODEL = 'ProposalEntry';
export const proposalEntrySchema = new Schema<ProposalEntry>(
  {
    _id: { type: String, required: true },
    snapshotVersion: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    forwardedAt: { type: Date, required: true },
  },
  { ...schemaOptions('proposals'), minimize: false },
);
proposalEntrySchema.index({ 'snapshot.institutionId': 1 });
