import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const objectionResolvedV1Schema = z.strictObject({
  objectionId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  /** Upheld: the finalist is disqualified; dismissed: it stays. */
  outcome: z.enum(['upheld', 'dismissed']),
  /** The written reason, public with the outcome. */
  reason: z.string().min(1).max(4000),
  resolvedBy: actorSchema,
  resolvedAt: instantSchema,
});

export const ObjectionResolvedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'objection',
  event: 'resolved',
  version: 1,
  schema: objectionResolvedV1Schema,
  key: (payload) => payload.proposalId,
  description: 'The secretariat resolved an objection with a written reason (public).',
  example: {
    objectionId: 'obj_51c0',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    outcome: 'dismissed',
    reason: 'The service has run since March 2024, as the decree in the evidence shows.',
    resolvedBy: { kind: 'account', accountId: 'acct_secretariat' },
    resolvedAt: '2027-06-09T03:00:00.000Z',
  },
});
