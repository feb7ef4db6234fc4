import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { innovationRecordExample, innovationRecordSchema } from './innovation-record';

export const innovationPublishedV1Schema = z.strictObject({
  innovation: innovationRecordSchema,
});

export const InnovationPublishedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'innovation',
  event: 'published',
  version: 1,
  schema: innovationPublishedV1Schema,
  key: (payload) => payload.innovation.innovationId,
  description:
    'An innovation entered the public innovation database (awarded, or published by its institution).',
  example: { innovation: innovationRecordExample },
});
