import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';
import { awardTierSchema } from './award-tier';

export const certificateIssuedV1Schema = z.strictObject({
  certificateId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  tier: awardTierSchema,
  /** What the public verification endpoint takes (also in the certificate's QR code). */
  verificationCode: z.string().min(8).max(64),
  issuedAt: instantSchema,
});

export const CertificateIssuedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'certificate',
  event: 'issued',
  version: 1,
  schema: certificateIssuedV1Schema,
  key: (payload) => payload.proposalId,
  description: 'A certificate (PDF with a verification code and QR) was issued for an award.',
  example: {
    certificateId: 'cert_2027_0007',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    tier: 'top',
    verificationCode: 'KIPP27-7Q4M-X2PD',
    issuedAt: '2027-07-20T03:00:00.000Z',
  },
});
