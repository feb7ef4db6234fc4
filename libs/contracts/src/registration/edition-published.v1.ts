import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';
import { editionConfigurationExample, editionConfigurationSchema } from './edition-configuration';

export const editionPublishedV1Schema = z.strictObject({
  edition: editionConfigurationSchema,
  /** Increases by one with every published change of the edition. */
  revision: z.number().int().positive(),
  publishedBy: actorSchema,
  publishedAt: instantSchema,
});

export const EditionPublishedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'edition',
  event: 'published',
  version: 1,
  schema: editionPublishedV1Schema,
  key: (payload) => payload.edition.editionId,
  description:
    'An edition was published with its full configuration; the other services start using it.',
  example: {
    edition: editionConfigurationExample,
    revision: 1,
    publishedBy: { kind: 'account', accountId: 'acct_admin' },
    publishedAt: '2027-01-05T03:00:00.000Z',
  },
});
