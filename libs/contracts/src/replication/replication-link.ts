import { z } from 'zod';
import { actorSchema, instantSchema } from '../shared/common';

/** Where an adopting institution stands with a replication. */
export const REPLICATION_STATUSES = [
  'plan',
  'in-progress',
  'implemented',
  'sustained',
  'stopped',
] as const;
export const replicationStatusSchema = z.enum(REPLICATION_STATUSES);

/** Whether the origin institution vouches for the link. Only `confirmed` links count. */
export const REPLICATION_CONFIRMATIONS = ['pending', 'confirmed', 'disputed'] as const;

/**
 * One link of the replication ledger: an adopting institution replicates an origin
 * innovation of the public database. Registered by the adopter, or created pending from a
 * forwarded replication-group proposal naming the innovation; counter-signed or disputed by
 * the origin institution.
 */
export const replicationLinkSchema = z.strictObject({
  replicationId: z.string().min(1).max(64),
  /** Increases with every change of the link. */
  revision: z.number().int().min(1),
  innovationId: z.string().min(1).max(64),
  originInstitutionId: z.string().min(1).max(64),
  adopterInstitutionId: z.string().min(1).max(64),
  /** The adopter's province (BPS code), for diffusion by region. */
  adopterProvinceCode: z.string().min(2).max(13).nullable(),
  /** What the adopter calls its replication. */
  title: z.string().min(1).max(300),
  status: replicationStatusSchema,
  confirmation: z.enum(REPLICATION_CONFIRMATIONS),
  /** The origin's reason when disputed. */
  disputeReason: z.string().min(1).max(2000).nullable(),
  /** `proposal`: created from a forwarded replication-group proposal (its id). */
  source: z.enum(['registered', 'proposal']),
  proposalId: z.string().min(1).max(64).nullable(),
  /** A confirmed visit (studi tiru) of the adopter to the origin that led to it, if any. */
  visitId: z.string().min(1).max(64).nullable(),
  evidenceCount: z.number().int().min(0),
  recordedAt: instantSchema,
  updatedAt: instantSchema,
});
export type ReplicationLink = z.infer<typeof replicationLinkSchema>;

export const replicationLinkExample: ReplicationLink = {
  replicationId: 'rep_4c2a',
  revision: 1,
  innovationId: 'inv_2019_0042',
  originInstitutionId: 'inst_3273',
  adopterInstitutionId: 'inst_3471',
  adopterProvinceCode: '34',
  title: 'Posyandu Digital Kota Yogyakarta',
  status: 'plan',
  confirmation: 'pending',
  disputeReason: null,
  source: 'registered',
  proposalId: null,
  visitId: null,
  evidenceCount: 1,
  recordedAt: '2028-03-01T03:00:00.000Z',
  updatedAt: '2028-03-01T03:00:00.000Z',
};

/** Every link event: the link as it is after the change, who changed it and when. */
export const replicationLinkChangeSchema = z.strictObject({
  link: replicationLinkSchema,
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const replicationLinkChangeExample = {
  link: replicationLinkExample,
  changedBy: { kind: 'account' as const, accountId: 'acct_upp_jogja' },
  changedAt: '2028-03-01T03:00:00.000Z',
};
