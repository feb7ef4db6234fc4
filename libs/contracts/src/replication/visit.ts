import { z } from 'zod';
import { actorSchema, instantSchema } from '../shared/common';

/**
 * A visit (studi tiru) of another institution to an innovation's origin, recorded by the
 * origin and confirmed by the visitor.
 */
export const visitSchema = z.strictObject({
  visitId: z.string().min(1).max(64),
  innovationId: z.string().min(1).max(64),
  originInstitutionId: z.string().min(1).max(64),
  visitorInstitutionId: z.string().min(1).max(64),
  /** The day of the visit (in the origin's time zone). */
  visitedOn: z.iso.date(),
  purpose: z.string().min(1).max(2000),
  confirmed: z.boolean(),
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const visitExample = {
  visitId: 'vis_19ab',
  innovationId: 'inv_2019_0042',
  originInstitutionId: 'inst_3273',
  visitorInstitutionId: 'inst_3471',
  visitedOn: '2028-02-12',
  purpose: 'Studi tiru Posyandu Digital untuk dinas kesehatan',
  confirmed: false,
  changedBy: { kind: 'account' as const, accountId: 'acct_ortala_bandung' },
  changedAt: '2028-02-13T02:00:00.000Z',
};
