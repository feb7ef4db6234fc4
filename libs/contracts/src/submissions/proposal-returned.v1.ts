import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const proposalReturnedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  comment: z.string().min(1).max(5000),
  returnedBy: actorSchema,
  returnedAt: instantSchema,
});

export const ProposalReturnedV1 = defineEvent({
  producer: 'submissions',
  aggregate: 'proposal',
  event: 'returned',
  version: 1,
  schema: proposalReturnedV1Schema,
  key: (payload) => payload.proposalId,
  description: 'A local admin returned a proposal to its unit with comments.',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    title: 'Posyandu Digital Kota Bandung',
    comment: 'Lengkapi bukti SK penetapan inovator.',
    returnedBy: { kind: 'account', accountId: 'acct_local_admin' },
    returnedAt: '2027-03-22T03:00:00.000Z',
  },
});
