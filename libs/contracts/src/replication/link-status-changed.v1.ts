import { defineEvent } from '../descriptor';
import { replicationLinkChangeExample, replicationLinkChangeSchema } from './replication-link';

export const ReplicationStatusChangedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'link',
  event: 'status-changed',
  version: 1,
  schema: replicationLinkChangeSchema,
  key: (payload) => payload.link.replicationId,
  description:
    'The adopter moved a replication along plan → in progress → implemented → sustained, or stopped it.',
  example: {
    ...replicationLinkChangeExample,
    link: { ...replicationLinkChangeExample.link, revision: 3, status: 'in-progress' },
  },
});
