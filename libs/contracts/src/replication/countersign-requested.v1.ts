import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

/**
 * An adopting institution registered a replication of an innovation in the public
 * database; the origin institution is asked to counter-sign it, so the replication ledger
 * records only replications both sides confirm.
 */
export const countersignRequestedV1Schema = z.strictObject({
  replicationId: z.string().min(1).max(64),
  /** The origin innovation in the public database. */
  innovationId: z.string().min(1).max(64),
  innovationTitle: z.string().min(1).max(300),
  originInstitutionId: z.string().min(1).max(64),
  /** The unit that runs the origin innovation, when known. */
  originUnitId: z.string().min(1).max(64).nullable(),
  adopterInstitutionId: z.string().min(1).max(64),
  /** What the adopter calls its replication. */
  replicationTitle: z.string().min(1).max(300),
  /** The counter-signature is asked for until then. */
  respondBy: instantSchema.nullable(),
  requestedBy: actorSchema,
  requestedAt: instantSchema,
});

export const CountersignRequestedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'countersign',
  event: 'requested',
  version: 1,
  schema: countersignRequestedV1Schema,
  key: (payload) => payload.replicationId,
  description:
    'An adopter registered a replication; the origin institution is asked to counter-sign it.',
  example: {
    replicationId: 'rep_4c2a',
    innovationId: 'inv_2019_0042',
    innovationTitle: 'Posyandu Digital Kota Bandung',
    originInstitutionId: 'inst_3273',
    originUnitId: 'unit_dinkes',
    adopterInstitutionId: 'inst_3471',
    replicationTitle: 'Posyandu Digital Kota Yogyakarta',
    respondBy: '2028-03-15T16:59:59.000Z',
    requestedBy: { kind: 'account', accountId: 'acct_upp_jogja' },
    requestedAt: '2028-03-01T03:00:00.000Z',
  },
});
