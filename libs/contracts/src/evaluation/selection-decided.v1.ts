import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const selectionDecidedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  /** The snapshot the decision was taken on. */
  snapshotVersion: z.number().int().positive(),
  outcome: z.enum(['pass', 'fail']),
  /** Why, check by check; a fail has at least one failed check. */
  reasons: z.array(
    z.strictObject({
      check: z.string().min(1).max(48),
      outcome: z.enum(['pass', 'fail']),
      note: z.string().max(2000),
    }),
  ),
  /** 1 for the first decision on the proposal; a revised decision gets the next. */
  decisionRevision: z.number().int().positive(),
  decidedBy: actorSchema,
  decidedAt: instantSchema,
});

export const SelectionDecidedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'selection',
  event: 'decided',
  version: 1,
  schema: selectionDecidedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'The national admin decided a forwarded proposal in administrative selection (pass or fail, with reasons).',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    snapshotVersion: 1,
    outcome: 'fail',
    reasons: [
      { check: 'innovation-age', outcome: 'fail', note: '0 years at the close; 1 required' },
      { check: 'completeness', outcome: 'pass', note: '' },
    ],
    decisionRevision: 1,
    decidedBy: { kind: 'account', accountId: 'acct_secretariat' },
    decidedAt: '2027-04-10T03:00:00.000Z',
  },
});
