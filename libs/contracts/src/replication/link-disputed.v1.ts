import { defineEvent } from '../descriptor';
import { replicationLinkChangeExample, replicationLinkChangeSchema } from './replication-link';

export const ReplicationDisputedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'link',
  event: 'disputed',
  version: 1,
  schema: replicationLinkChangeSchema,
  key: (payload) => payload.link.replicationId,
  description:
    'The origin institution disputed a replication link, with its reason; it never counts as confirmed.',
  example: {
    ...replicationLinkChangeExample,
    link: {
      ...replicationLinkChangeExample.link,
      revision: 2,
      confirmation: 'disputed',
      disputeReason: 'Kami tidak pernah memberikan pendampingan kepada instansi ini.',
    },
  },
});
