import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { reviewerProfileSchema } from './reviewer-profile';
import { actorSchema, instantSchema, localeSchema, roleSchema } from '../shared/common';

/** Never carries password material: the first password reaches the person out of band. */
export const accountCreatedV1Schema = z.strictObject({
  accountId: z.string().min(1).max(64),
  /** The user id people sign in with. */
  userId: z.string().min(3).max(64),
  name: z.string().min(1).max(200),
  email: z.email(),
  locale: localeSchema,
  roles: z.array(roleSchema).min(1),
  institutionId: z.string().min(1).max(64).nullable(),
  unitId: z.string().min(1).max(64).nullable(),
  mustChangePassword: z.boolean(),
  /** Evaluators and panelists: what conflict detection and expertise matching need. */
  reviewerProfile: reviewerProfileSchema.nullable().optional(),
  createdBy: actorSchema,
  createdAt: instantSchema,
});

export const AccountCreatedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'account',
  event: 'created',
  version: 1,
  schema: accountCreatedV1Schema,
  key: (payload) => payload.accountId,
  description:
    'An account was created; notifications welcomes the person and explains the first sign-in.',
  example: {
    accountId: 'acct_7f3a',
    userId: 'upp.dukcapil.bandung',
    name: 'Siti Rahmawati',
    email: 'siti.rahmawati@bandung.go.id',
    locale: 'id',
    roles: ['unit_operator'],
    institutionId: 'inst_3273',
    unitId: 'unit_dukcapil',
    mustChangePassword: true,
    createdBy: { kind: 'account', accountId: 'acct_local_admin' },
    createdAt: '2027-01-21T02:30:00.000Z',
  },
});
