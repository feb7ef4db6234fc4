import { z } from 'zod';
import { instantSchema } from '../shared/common';

/** Shared by check-in.due and check-in.overdue: one yearly sustainability check-in. */
export const checkInReminderSchema = z.strictObject({
  checkInId: z.string().min(1).max(64),
  innovationId: z.string().min(1).max(64),
  innovationTitle: z.string().min(1).max(300),
  institutionId: z.string().min(1).max(64),
  /** The unit that runs the innovation and answers the check-in, when known. */
  unitId: z.string().min(1).max(64).nullable(),
  /** The year the check-in is about. */
  period: z.number().int().min(2014).max(2100),
  dueAt: instantSchema,
  occurredAt: instantSchema,
});

export const checkInReminderExample = {
  checkInId: 'chk_2028_0042',
  innovationId: 'inv_2019_0042',
  innovationTitle: 'Posyandu Digital Kota Bandung',
  institutionId: 'inst_3273',
  unitId: 'unit_dinkes',
  period: 2028,
  dueAt: '2028-06-30T16:59:59.000Z',
  occurredAt: '2028-06-01T00:00:00.000Z',
};
