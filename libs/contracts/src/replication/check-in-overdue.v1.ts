import { defineEvent } from '../descriptor';
import { checkInReminderExample, checkInReminderSchema } from './check-in-reminder';

export const CheckInOverdueV1 = defineEvent({
  producer: 'replication',
  aggregate: 'check-in',
  event: 'overdue',
  version: 1,
  schema: checkInReminderSchema,
  key: (payload) => payload.innovationId,
  description: 'A sustainability check-in passed its due date unanswered.',
  example: { ...checkInReminderExample, occurredAt: '2028-07-01T00:00:00.000Z' },
});
