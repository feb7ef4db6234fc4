import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { innovationRecordExample, innovationRecordSchema } from './innovation-record';

export const innovationUpdatedV1Schema = z.strictObject({
  innovation: innovationRecordSchema,
});

export const InnovationUpdatedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'innovation',
  event: 'updated',
  version: 1,
  schema: innovationUpdatedV1Schema,
  key: (payload) => payload.innovation.innovationId,
  description:
    'An innovation in the public database changed (a new award, status, content); full record with its revision.',
  example: { innovation: { ...innovationRecordExample, revision: 2, status: 'scaled' } },
});
