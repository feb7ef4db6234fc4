import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { groupIdSchema } from '../registration/edition-configuration';
import { instantSchema } from '../shared/common';
import { awardTierSchema } from './award-tier';

export const awardGrantedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  year: z.number().int().min(2014).max(2100),
  institutionId: z.string().min(1).max(64),
  unitId: z.string().min(1).max(64),
  groupId: groupIdSchema,
  categoryId: z.string().min(1).max(48),
  title: z.string().min(1).max(300),
  /** Every tier the proposal reached in this edition, lowest first (finalist, then top…). */
  tiers: z.array(awardTierSchema).min(1),
  /** The snapshot the award was given on (replication takes the content from it). */
  snapshotVersion: z.number().int().positive(),
  /** Final rank within the proposal's group. */
  rank: z.number().int().positive(),
  grantedAt: instantSchema,
});

export const AwardGrantedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'award',
  event: 'granted',
  version: 1,
  schema: awardGrantedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'The plenary results were published: a finalist and the tiers it reached (finalist, top, outstanding, replication-top).',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    year: 2027,
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    groupId: 'general',
    categoryId: 'health',
    title: 'Posyandu Digital Kota Bandung',
    tiers: ['finalist', 'top'],
    snapshotVersion: 1,
    rank: 7,
    grantedAt: '2027-07-15T03:00:00.000Z',
  },
});
