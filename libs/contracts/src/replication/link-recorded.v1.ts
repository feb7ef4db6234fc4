import { defineEvent } from '../descriptor';
import { replicationLinkChangeExample, replicationLinkChangeSchema } from './replication-link';

export const ReplicationRecordedV1 = defineEvent({
  producer: 'replication',
  aggregate: 'link',
  event: 'recorded',
  version: 1,
  schema: replicationLinkChangeSchema,
  key: (payload) => payload.link.replicationId,
  description:
    'A replication link entered the ledger (registered by the adopter, or pending from a forwarded replication-group proposal).',
  example: replicationLinkChangeExample,
});
