import { Schema } from 'mongoose';
import type { AwardTier } from '@kipp/contracts';
import { outboxPlugin, type OutboxFields } from '@kipp/messaging';
import { schemaOptions } from '@kipp/mongo';

export const CERTIFICATE_STATUSES = ['active', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * A certificate for an award at its highest tier, with the code the public verification
 * endpoint (and the QR code on the PDF) takes. What it certifies is copied in at issue, so a
 * certificate keeps saying what it said even if a name changes later. When a plenary
 * republication changes the award's highest tier or withdraws the award, the certificate is
 * revoked (kept, so its code still answers "revoked") and, for a new tier, a new one issued.
 */
export interface Certificate extends OutboxFields {
  /** `cert_<uuid>`. */
  _id: string;
  /** The award's (proposal's) id: at most one active certificate per award. */
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
  status: CertificateStatus;
  revokedAt: Date | null;
  /** "superseded by <certificate id>" or "award withdrawn". */
  revocationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CERTIFICATE_MODEL = 'Certificate';
export const ACTIVE_PER_PROPOSAL_INDEX = 'proposalId_active_unique';
/** The index of the time when an award had one certificate for ever. */
export const LEGACY_PER_PROPOSAL_INDEX = 'proposalId_1';

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
    status: { type: String, enum: CERTIFICATE_STATUSES, required: true, default: 'active' },
    revokedAt: { type: Date, default: null },
    revocationReason: { type: String, default: null },
  },
  schemaOptions('certificates'),
);
certificateSchema.plugin(outboxPlugin);
// Idempotent issuing: a second (or concurrent) issue for the same award collides instead of
// duplicating; revoked certificates stay out of it, so a reissue can add the new one.
// Named apart from the former unconditional `proposalId_1`, which the repository drops.
certificateSchema.index(
  { proposalId: 1 },
  {
    unique: true,
    partialFilterExpression: { status: 'active' },
    name: ACTIVE_PER_PROPOSAL_INDEX,
  },
);
// The public verification endpoint looks certificates up by their code.
certificateSchema.index({ verificationCode: 1 }, { unique: true });
// Issuing lists an edition's active certificates.
certificateSchema.index({ editionId: 1, status: 1 });
// An institution lists its certificates, newest first.
certificateSchema.index({ institutionId: 1, issuedAt: -1 });
