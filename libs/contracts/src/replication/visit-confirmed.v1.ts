import { defineEvent } from '../descriptor';
import { visitExample, visitSchema } from './visit';

export const VisitConfirmedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'visit',
  event: 'confirmed',
  version: 1,
  schema: visitSchema,
  key: (payload) => payload.visitId,
  description: 'The visiting institution confirmed a recorded visit.',
  example: {
    ...visitExample,
    confirmed: true,
    changedBy: { kind: 'account', accountId: 'acct_ortala_jogja' },
    changedAt: '2028-02-14T02:00:00.000Z',
  },
});
