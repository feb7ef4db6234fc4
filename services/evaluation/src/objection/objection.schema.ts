import { Schema } from 'mongoose';
import type { EVIDENCE_TYPES } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export type ObjectionEvidenceType = (typeof EVIDENCE_TYPES)[number];

export interface ObjectionEvidence {
  /** GridFS id in the bucket `objection_evidence`. */
  fileId: string;
  filename: string;
  contentType: ObjectionEvidenceType;
  sizeBytes: number;
  sha256: string;
}

export interface ObjectionResolution {
  outcome: 'upheld' | 'dismissed';
  /** Public, with the outcome. */
  reason: string;
  resolvedBy: string;
  resolvedAt: Date;
}

/**
 * A public objection against a finalist, filed in the edition's objection window. The
 * objector's contact stays here (the secretariat's eyes only); the outcome and its reason
 * are public.
 */
export interface Objection extends OutboxFields {
  /** `obj_<uuid>`. */
  _id: string;
  editionId: string;
  proposalId: string;
  institutionId: string;
  /** As the public list shows them, kept from when the objection was filed. */
  proposalTitle: string;
  institutionName: string | null;
  objector: { name: string; email: string };
  grounds: string;
  evidence: ObjectionEvidence[];
  filedAt: Date;
  resolution: ObjectionResolution | null;
  createdAt: Date;
  updatedAt: Date;
}

export const OBJECTION_MODEL = 'Objection';

export const objectionSchema = new Schema<Objection>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    proposalId: { type: String, required: true },
    institutionId: { type: String, required: true },
    proposalTitle: { type: String, required: true },
    institutionName: { type: String, default: null },
    objector: { type: Schema.Types.Mixed, required: true },
    grounds: { type: String, required: true },
    evidence: { type: Schema.Types.Mixed, default: [] },
    filedAt: { type: Date, required: true },
    resolution: { type: Schema.Types.Mixed, default: null },
  },
  schemaOptions('objections'),
);
objectionSchema.plugin(outboxPlugin);
// The admin and the public list an edition's objections in filing order.
objectionSchema.index({ editionId: 1, filedAt: 1, _id: 1 });
