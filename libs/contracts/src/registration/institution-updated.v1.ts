import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';
import { INSTITUTION_TYPES } from './institution-registered.v1';

export const institutionUpdatedV1Schema = z.strictObject({
  institutionId: z.string().min(1).max(64),
  /** The institution as it is after the change (a full snapshot, so consumers just replace). */
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(300),
  type: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().min(2).max(13).nullable(),
  disadvantaged: z.boolean(),
  /** Names of the fields this change touched. */
  changed: z.array(z.enum(['code', 'name', 'type', 'provinceCode', 'disadvantaged'])).min(1),
  /** Increases by one with every change, so consumers can ignore stale updates. */
  revision: z.number().int().positive(),
  updatedBy: actorSchema,
  updatedAt: instantSchema,
});

export const InstitutionUpdatedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'institution',
  event: 'updated',
  version: 1,
  schema: institutionUpdatedV1Schema,
  key: (payload) => payload.institutionId,
  description:
    'An institution in the registry changed (e.g. its 3T status); carries the full record.',
  example: {
    institutionId: 'inst_3273',
    code: '32.73',
    name: 'Pemerintah Kota Bandung',
    type: 'city',
    provinceCode: '32',
    disadvantaged: false,
    changed: ['name'],
    revision: 2,
    updatedBy: { kind: 'account', accountId: 'acct_admin' },
    updatedAt: '2027-01-20T03:00:00.000Z',
  },
});
