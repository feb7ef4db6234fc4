import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema, localeSchema } from '../shared/common';

export const localAdminRequestDecidedV1Schema = z.strictObject({
  requestId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  /** The person proposed as local admin. */
  candidateName: z.string().min(1).max(200),
  candidateEmail: z.email(),
  locale: localeSchema,
  decision: z.enum(['approved', 'rejected']),
  /** Required when rejected; optional note when approved. */
  reason: z.string().min(1).max(2000).nullable(),
  /** The local-admin account created or granted on approval. */
  accountId: z.string().min(1).max(64).nullable(),
  decidedBy: actorSchema,
  decidedAt: instantSchema,
});

export const LocalAdminRequestDecidedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'local-admin-request',
  event: 'decided',
  version: 1,
  schema: localAdminRequestDecidedV1Schema,
  key: (payload) => payload.requestId,
  description:
    "The national admin approved or rejected an institution's request for a local admin.",
  example: {
    requestId: 'lar_0c9d',
    institutionId: 'inst_3273',
    candidateName: 'Budi Santoso',
    candidateEmail: 'budi.santoso@bandung.go.id',
    locale: 'id',
    decision: 'rejected',
    reason: 'Surat penunjukan belum ditandatangani kepala daerah.',
    accountId: null,
    decidedBy: { kind: 'account', accountId: 'acct_admin' },
    decidedAt: '2027-01-17T04:00:00.000Z',
  },
});
