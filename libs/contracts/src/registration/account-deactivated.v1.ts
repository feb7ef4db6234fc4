import { defineEvent } from '../descriptor';
import { accountStatusChangedExample, accountStatusChangedSchema } from './account-status-changed';

export const AccountDeactivatedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'account',
  event: 'deactivated',
  version: 1,
  schema: accountStatusChangedSchema,
  key: (payload) => payload.accountId,
  description: 'An account can no longer sign in; its refresh tokens are revoked.',
  example: accountStatusChangedExample,
});
