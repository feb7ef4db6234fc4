import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

export const ASSIGNMENT_REASONS = ['initial', 'reassignment', 'divergence'] as const;

export const assignmentCreatedV1Schema = z.strictObject({
  assignmentId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  evaluatorAccountId: z.string().min(1).max(64),
  /** Why the pair exists: the first solve, a replacement, or an extra evaluator. */
  reason: z.enum(ASSIGNMENT_REASONS),
  /** When scores are due (the grace period comes on top). */
  dueAt: instantSchema.nullable(),
  createdAt: instantSchema,
});

export const AssignmentCreatedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'assignment',
  event: 'created',
  version: 1,
  schema: assignmentCreatedV1Schema,
  key: (payload) => payload.proposalId,
  description: 'An evaluator was assigned a proposal to desk-score.',
  example: {
    assignmentId: 'asg_0f3c',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    evaluatorAccountId: 'acct_eval_12',
    reason: 'initial',
    dueAt: '2027-05-15T16:59:59.000Z',
    createdAt: '2027-04-20T02:00:00.000Z',
  },
});
