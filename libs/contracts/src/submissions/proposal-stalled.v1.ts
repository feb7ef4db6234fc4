import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

export const proposalStalledV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  /** Who must act next: the unit (draft or returned) or the local admin (submitted). */
  sittingWith: z.enum(['unit', 'local_admin']),
  /** The reminder threshold crossed, as configured (e.g. "7d", "3h" before the close). */
  threshold: z.string().regex(/^\d+[mhd]$/),
  since: instantSchema,
  closesAt: instantSchema,
  detectedAt: instantSchema,
});

export const ProposalStalledV1 = defineEvent({
  producer: 'submissions',
  aggregate: 'proposal',
  event: 'stalled',
  version: 1,
  schema: proposalStalledV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'A proposal has not moved towards the ministry as the close approaches; notifications nudges.',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    title: 'Posyandu Digital Kota Bandung',
    sittingWith: 'local_admin',
    threshold: '7d',
    since: '2027-03-10T03:00:00.000Z',
    closesAt: '2027-03-31T16:59:59.000Z',
    detectedAt: '2027-03-24T00:00:00.000Z',
  },
});
