import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const PROPOSAL_NUDGE_MESSAGE_MAX_LENGTH = 1000;

export const proposalNudgedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  /** The local admin's own words to the unit, trimmed; null when none was given. */
  message: z.string().min(1).max(PROPOSAL_NUDGE_MESSAGE_MAX_LENGTH).nullable(),
  nudgedBy: actorSchema,
  nudgedAt: instantSchema,
  /** The submission close of the edition, for the reminder's "closes at". */
  closesAt: instantSchema.nullable(),
});

export const ProposalNudgedV1 = defineEvent({
  producer: 'submissions',
  aggregate: 'proposal',
  event: 'nudged',
  version: 1,
  schema: proposalNudgedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'A local admin reminded the unit by hand of a proposal still with it (draft or returned), optionally with a message.',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    title: 'Posyandu Digital Kota Bandung',
    message: 'Mohon lengkapi bagian keberlanjutan minggu ini.',
    nudgedBy: { kind: 'account', accountId: 'acct_local_admin' },
    nudgedAt: '2027-03-20T02:00:00.000Z',
    closesAt: '2027-03-31T16:59:59.000Z',
  },
});
