import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';
import { proposalSnapshotExample, proposalSnapshotSchema } from './proposal-snapshot';

export const proposalForwardedV1Schema = z.strictObject({
  snapshot: proposalSnapshotSchema,
  forwardedBy: actorSchema,
  forwardedAt: instantSchema,
});

export const ProposalForwardedV1 = defineEvent({
  producer: 'submissions',
  aggregate: 'proposal',
  event: 'forwarded',
  version: 1,
  schema: proposalForwardedV1Schema,
  key: (payload) => payload.snapshot.proposalId,
  description:
    'A local admin forwarded a proposal to the ministry; carries the full immutable snapshot.',
  example: {
    snapshot: proposalSnapshotExample,
    forwardedBy: { kind: 'account', accountId: 'acct_local_admin' },
    forwardedAt: '2027-03-25T03:00:00.000Z',
  },
});
