import { Schema } from 'mongoose';
import { schemaOptions } from '@kipp/mongo';

export type FieldPhotoType = 'image/jpeg' | 'image/png';

export interface FieldPhoto {
  /** GridFS id in the `field_photos` bucket. */
  fileId: string;
  filename: string;
  contentType: FieldPhotoType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

/** A visit to a finalist's service by the panel or the secretariat, with photos as evidence. */
export interface FieldVerification {
  _id: string;
  editionId: string;
  proposalId: string;
  institutionId: string;
  /** YYYY-MM-DD. */
  visitedOn: string;
  team: string[];
  findings: string;
  recommendation: 'confirmed' | 'concerns' | null;
  photos: FieldPhoto[];
  recordedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const FIELD_VERIFICATION_MODEL = 'FieldVerification';

export const fieldVerificationSchema = new Schema<FieldVerification>(
  {
    _id: { type: String, required: true },
    editionId: { type: String, required: true },
    proposalId: { type: String, required: true },
    institutionId: { type: String, required: true },
    visitedOn: { type: String, required: true },
    team: { type: [String], required: true },
    findings: { type: String, required: true },
    recommendation: { type: String, default: null },
    photos: { type: Schema.Types.Mixed, default: [] },
    recordedBy: { type: String, required: true },
  },
  schemaOptions('field_verifications'),
);
// The panel lists a finalist's visits, newest first.
fieldVerificationSchema.index({ proposalId: 1, visitedOn: -1 });
