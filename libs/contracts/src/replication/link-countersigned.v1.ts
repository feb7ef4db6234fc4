import { defineEvent } from '../descriptor';
import { replicationLinkChangeExample, replicationLinkChangeSchema } from './replication-link';

export const ReplicationCountersignedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'link',
  event: 'countersigned',
  version: 1,
  schema: replicationLinkChangeSchema,
  key: (payload) => payload.link.replicationId,
  description: 'The origin institution confirmed a replication link.',
  example: {
    ...replicationLinkChangeExample,
    link: { ...replicationLinkChangeExample.link, revision: 2, confirmation: 'confirmed' },
  },
});
