import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const ASSIGNMENT_CHANGES = ['declined', 'recused', 'revoked', 'completed'] as const;

export const assignmentChangedV1Schema = z.strictObject({
  assignmentId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  evaluatorAccountId: z.string().min(1).max(64),
  change: z.enum(ASSIGNMENT_CHANGES),
  reason: z.string().max(2000),
  /** The assignment that replaces this one, when the proposal was reassigned. */
  replacedBy: z.string().min(1).max(64).nullable(),
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const AssignmentChangedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'assignment',
  event: 'changed',
  version: 1,
  schema: assignmentChangedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    'An assignment ended other than by scoring as planned: declined or recused by the evaluator (with the replacement), revoked, or completed.',
  example: {
    assignmentId: 'asg_0f3c',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    evaluatorAccountId: 'acct_eval_12',
    change: 'recused',
    reason: 'I advised this city on its health services in 2025',
    replacedBy: 'asg_77aa',
    changedBy: { kind: 'account', accountId: 'acct_eval_12' },
    changedAt: '2027-04-21T02:00:00.000Z',
  },
});
