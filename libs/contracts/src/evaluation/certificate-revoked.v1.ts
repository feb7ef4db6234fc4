import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';
import { awardTierSchema } from './award-tier';

export const certificateRevokedV1Schema = z.strictObject({
  certificateId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  tier: awardTierSchema,
  /** The certificate that replaces it (the award changed tier), or null (award withdrawn). */
  replacedBy: z.string().min(1).max(64).nullable(),
  reason: z.string().min(1).max(500),
  revokedAt: instantSchema,
});

export const CertificateRevokedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'certificate',
  event: 'revoked',
  version: 1,
  schema: certificateRevokedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'A certificate stopped being valid: its award changed tier in a republication (replaced) or was withdrawn; the verification endpoint says so.',
  example: {
    certificateId: 'cert_2027_0007',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    tier: 'top',
    replacedBy: 'cert_2027_0112',
    reason: 'superseded by cert_2027_0112',
    revokedAt: '2027-07-25T03:00:00.000Z',
  },
});
