import { Schema } from 'mongoose';
import type { AwardTier } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

/**
 * A certificate for an award at its highest tier, with the code the public verification
 * endpoint (and the QR code on the PDF) takes. What it certifies is copied in at issue, so a
 * certificate keeps saying what it said even if a name changes later.
 */
export interface Certificate extends OutboxFields {
  /** `cert_<uuid>`. */
  _id: string;
  /** The award's (proposal's) id: one certificate per award. */
  proposalId: string;
  editionId: string;
  editionName: string;
  year: number;
  institutionId: string;
  institutionName: string;
  title: string;
  tier: AwardTier;
  verificationCode: string;
  issuedBy: string;
  issuedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const CERTIFICATE_MODEL = 'Certificate';

export const certificateSchema = new Schema<Certificate>(
  {
    _id: { type: String, required: true },
    proposalId: { type: String, required: true },
    editionId: { type: String, required: true },
    editionName: { type: String, required: true },
    year: { type: Number, required: true },
    institutionId: { type: String, required: true },
    institutionName: { type: String, required: true },
    title: { type: String, required: true },
    tier: { type: String, required: true },
    verificationCode: { type: String, required: true },
    issuedBy: { type: String, required: true },
    issuedAt: { type: Date, required: true },
  },
  schemaOptions('certificates'),
);
certificateSchema.plugin(outboxPlugin);
// Idempotent issuing: a second issue for the same award collides instead of duplicating.
certificateSchema.index({ proposalId: 1 }, { unique: true });
// The public verification endpoint looks certificates up by their code.
certificateSchema.index({ verificationCode: 1 }, { unique: true });
// Issuing lists an edition's certificates already there.
certificateSchema.index({ editionId: 1 });
