import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { reviewerProfileSchema } from './reviewer-profile';
import { actorSchema, instantSchema, localeSchema, roleSchema } from '../shared/common';

export const accountRoleGrantedV1Schema = z.strictObject({
  accountId: z.string().min(1).max(64),
  role: roleSchema,
  /** The institution the role applies to (local admins, unit operators), or null. */
  institutionId: z.string().min(1).max(64).nullable(),
  email: z.email(),
  locale: localeSchema,
  /** Evaluators and panelists: what conflict detection and expertise matching need. */
  reviewerProfile: reviewerProfileSchema.nullable().optional(),
  grantedBy: actorSchema,
  grantedAt: instantSchema,
});

export const AccountRoleGrantedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'account',
  event: 'role-granted',
  version: 1,
  schema: accountRoleGrantedV1Schema,
  key: (payload) => payload.accountId,
  description:
    'An account received a role, e.g. the national admin made someone local admin of an institution.',
  example: {
    accountId: 'acct_9b21',
    role: 'local_admin',
    institutionId: 'inst_3273',
    email: 'ortala@bandung.go.id',
    locale: 'id',
    grantedBy: { kind: 'account', accountId: 'acct_admin' },
    grantedAt: '2027-01-16T01:00:00.000Z',
  },
});
