import { z } from 'zod';
import { defineEvent } from '../descriptor';

export const INSTITUTION_TYPES = [
  'ministry',
  'agency',
  'province',
  'regency',
  'city',
  'bumn',
  'bumd',
] as const;

export const institutionRegisteredV1Schema = z.strictObject({
  institutionId: z.string().min(1).max(64),
  code: z.string().min(1).max(32),
  name: z.string().min(1).max(300),
  type: z.enum(INSTITUTION_TYPES),
  /** BPS/Kemendagri code of the province the institution belongs to, if any. */
  provinceCode: z.string().min(2).max(13).nullable(),
  disadvantaged: z.boolean(),
  registeredAt: z.iso.datetime({ offset: true }),
});

export const InstitutionRegisteredV1 = defineEvent({
  producer: 'registration',
  aggregate: 'institution',
  event: 'registered',
  version: 1,
  schema: institutionRegisteredV1Schema,
  key: (payload) => payload.institutionId,
  description: 'An institution entered the registry and may take part in editions.',
  example: {
    institutionId: 'inst_3273',
    code: '32.73',
    name: 'Pemerintah Kota Bandung',
    type: 'city',
    provinceCode: '32',
    disadvantaged: false,
    registeredAt: '2027-01-15T02:00:00.000Z',
  },
});
