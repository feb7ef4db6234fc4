import { defineEvent } from '../descriptor';
import { checkInReminderExample, checkInReminderSchema } from './check-in-reminder';

export const CheckInDueV1 = defineEvent({
  producer: 'replication',
  aggregate: 'check-in',
  event: 'due',
  version: 1,
  schema: checkInReminderSchema,
  key: (payload) => payload.innovationId,
  description:
    "An innovation's yearly sustainability check-in opened; its unit answers by the due date.",
  example: checkInReminderExample,
});
