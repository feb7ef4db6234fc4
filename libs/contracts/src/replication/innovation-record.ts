import { z } from 'zod';
import { groupIdSchema } from '../registration/edition-configuration';
import { INSTITUTION_TYPES } from '../registration/institution-registered.v1';
import { awardTierSchema } from '../evaluation/award-tier';
import { instantSchema } from '../shared/common';

export const INNOVATION_STATUSES = ['active', 'scaled', 'stopped', 'lapsed'] as const;

/**
 * An innovation in the public database (SINOVIK) as replication publishes it: the
 * persistent innovation id stays the same across editions, and `awards` lists every tier
 * the innovation reached in every edition.
 */
export const innovationRecordSchema = z.strictObject({
  innovationId: z.string().min(1).max(64),
  /** Revision of the record; consumers ignore an event older than what they hold. */
  revision: z.number().int().min(1),
  title: z.string().min(1).max(300),
  institutionId: z.string().min(1).max(64),
  institutionType: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().min(2).max(13).nullable(),
  categoryId: z.string().min(1).max(48),
  sdgTargets: z.array(z.string().min(1).max(8)),
  /** The proposals (one per edition entered) this innovation's content came from. */
  proposalIds: z.array(z.string().min(1).max(64)),
  awards: z.array(
    z.strictObject({
      editionId: z.string().min(1).max(64),
      year: z.number().int().min(2014).max(2100),
      groupId: groupIdSchema,
      tier: awardTierSchema,
    }),
  ),
  status: z.enum(INNOVATION_STATUSES),
  publishedAt: instantSchema,
});
export type InnovationRecord = z.infer<typeof innovationRecordSchema>;

export const innovationRecordExample: InnovationRecord = {
  innovationId: 'inv_2023_0042',
  revision: 1,
  title: 'Posyandu Digital Kota Bandung',
  institutionId: 'inst_3273',
  institutionType: 'city',
  provinceCode: '32',
  categoryId: 'health',
  sdgTargets: ['3.8'],
  proposalIds: ['prop_8d1e'],
  awards: [{ editionId: 'ed_2023', year: 2023, groupId: 'general', tier: 'top' }],
  status: 'active',
  publishedAt: '2027-08-01T03:00:00.000Z',
};
