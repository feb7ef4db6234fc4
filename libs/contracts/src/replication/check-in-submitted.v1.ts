import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const checkInSubmittedV1Schema = z.strictObject({
  checkInId: z.string().min(1).max(64),
  innovationId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  period: z.number().int().min(2014).max(2100),
  running: z.boolean(),
  inBudget: z.boolean(),
  regulationInForce: z.boolean(),
  peopleServed: z.number().int().min(0).nullable(),
  /** What the answers make of the innovation. */
  outcome: z.enum(['active', 'scaled', 'stopped']),
  submittedBy: actorSchema,
  submittedAt: instantSchema,
});

export const CheckInSubmittedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'check-in',
  event: 'submitted',
  version: 1,
  schema: checkInSubmittedV1Schema,
  key: (payload) => payload.innovationId,
  description: "An innovation's unit answered its yearly sustainability check-in.",
  example: {
    checkInId: 'chk_2028_0042',
    innovationId: 'inv_2019_0042',
    institutionId: 'inst_3273',
    period: 2028,
    running: true,
    inBudget: true,
    regulationInForce: true,
    peopleServed: 12500,
    outcome: 'scaled',
    submittedBy: { kind: 'account', accountId: 'acct_upp_dinkes' },
    submittedAt: '2028-06-10T03:00:00.000Z',
  },
});
