import { z } from 'zod';
import { actorSchema, instantSchema, localeSchema, roleSchema } from '../shared/common';

/** Shared by account.deactivated and account.reactivated. */
export const accountStatusChangedSchema = z.strictObject({
  accountId: z.string().min(1).max(64),
  email: z.email(),
  locale: localeSchema,
  roles: z.array(roleSchema).min(1),
  institutionId: z.string().min(1).max(64).nullable(),
  reason: z.string().min(1).max(1000).nullable(),
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const accountStatusChangedExample = {
  accountId: 'acct_7f3a',
  email: 'siti.rahmawati@bandung.go.id',
  locale: 'id' as const,
  roles: ['unit_operator' as const],
  institutionId: 'inst_3273',
  reason: 'Pindah tugas ke dinas lain',
  changedBy: { kind: 'account' as const, accountId: 'acct_local_admin' },
  changedAt: '2027-03-01T02:00:00.000Z',
};
