import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

/**
 * The dead-letter topic of outgoing messages: a message notifications gave up on. Either
 * every attempt failed, or the service stopped while the relay had it and whether it
 * arrived is unknown (it is never sent twice on its own). Operators act on these; the
 * delivery log shows the same.
 */
export const messageDeadLetteredV1Schema = z.strictObject({
  messageId: z.string().min(1).max(300),
  noticeId: z.string().min(1).max(200),
  template: z.string().min(1).max(64),
  channel: z.enum(['email']),
  recipientAccountId: z.string().min(1).max(64).nullable(),
  recipientEmail: z.email(),
  reason: z.enum(['RETRIES_EXHAUSTED', 'REJECTED', 'INTERRUPTED']),
  attempts: z.number().int().min(0),
  lastError: z.string().max(2000),
  deadLetteredAt: instantSchema,
});

export const MessageDeadLetteredV1 = defineEvent({
  producer: 'notifications',
  aggregate: 'message',
  event: 'dead-lettered',
  version: 1,
  schema: messageDeadLetteredV1Schema,
  key: (payload) => payload.messageId,
  description:
    'An email could not be delivered (retries exhausted, refused, or interrupted mid-send) and will not be retried on its own.',
  example: {
    messageId: '5b1f0e2c-4a51-4d3e-9c59-0c6b3e0b8f3a:acct_7f3a:email',
    noticeId: '5b1f0e2c-4a51-4d3e-9c59-0c6b3e0b8f3a',
    template: 'proposal.returned',
    channel: 'email',
    recipientAccountId: 'acct_7f3a',
    recipientEmail: 'siti.rahmawati@bandung.go.id',
    reason: 'RETRIES_EXHAUSTED',
    attempts: 6,
    lastError: 'connect ECONNREFUSED 127.0.0.1:1025',
    deadLetteredAt: '2027-03-22T03:20:00.000Z',
  },
});
