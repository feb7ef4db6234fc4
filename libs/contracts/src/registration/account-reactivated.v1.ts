import { defineEvent } from '../descriptor';
import { accountStatusChangedExample, accountStatusChangedSchema } from './account-status-changed';

export const AccountReactivatedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'account',
  event: 'reactivated',
  version: 1,
  schema: accountStatusChangedSchema,
  key: (payload) => payload.accountId,
  description: 'A deactivated account may sign in again.',
  example: {
    ...accountStatusChangedExample,
    reason: 'Kembali bertugas',
    changedAt: '2027-04-01T02:00:00.000Z',
  },
});
