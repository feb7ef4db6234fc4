import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';
import { editionConfigurationExample, editionConfigurationSchema } from './edition-configuration';

export const editionUpdatedV1Schema = z.strictObject({
  edition: editionConfigurationSchema,
  revision: z.number().int().positive(),
  /** Top-level configuration fields that changed. */
  changed: z.array(z.string().min(1).max(64)).min(1),
  updatedBy: actorSchema,
  updatedAt: instantSchema,
});

export const EditionUpdatedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'edition',
  event: 'updated',
  version: 1,
  schema: editionUpdatedV1Schema,
  key: (payload) => payload.edition.editionId,
  description: 'A published edition changed; carries the full configuration after the change.',
  example: {
    edition: { ...editionConfigurationExample, passingGrade: 80 },
    revision: 2,
    changed: ['passingGrade'],
    updatedBy: { kind: 'account', accountId: 'acct_admin' },
    updatedAt: '2027-01-10T03:00:00.000Z',
  },
});
