import { defineEvent } from '../descriptor';
import { visitExample, visitSchema } from './visit';

export const VisitRecordedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'visit',
  event: 'recorded',
  version: 1,
  schema: visitSchema,
  key: (payload) => payload.visitId,
  description: 'The origin institution recorded a visit (studi tiru) by another institution.',
  example: visitExample,
});
