import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const proposalWithdrawnV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  /** Whether the proposal had reached the ministry (then evaluation drops it). */
  wasForwarded: z.boolean(),
  withdrawnBy: actorSchema,
  withdrawnAt: instantSchema,
});

export const ProposalWithdrawnV1 = defineEvent({
  producer: 'submissions',
  aggregate: 'proposal',
  event: 'withdrawn',
  version: 1,
  schema: proposalWithdrawnV1Schema,
  key: (payload) => payload.proposalId,
  description: 'A unit withdrew its proposal before the close.',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    wasForwarded: false,
    withdrawnBy: { kind: 'account', accountId: 'acct_7f3a' },
    withdrawnAt: '2027-03-23T03:00:00.000Z',
  },
});
