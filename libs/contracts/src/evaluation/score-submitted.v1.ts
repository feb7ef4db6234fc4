import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

export const scoreSubmittedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  /** Desk scores come from an assignment; panel scores from an interview. */
  stage: z.enum(['desk', 'panel']),
  assignmentId: z.string().min(1).max(64).nullable(),
  scorerAccountId: z.string().min(1).max(64),
  criteria: z.array(z.strictObject({ criterionId: z.string().min(1).max(48), score: z.number() })),
  /** Weighted by the edition's rubric, on the rubric's scale. */
  weightedScore: z.number(),
  /** 1 for the first submission; a resubmission inside the window gets the next. */
  revision: z.number().int().positive(),
  submittedAt: instantSchema,
});

export const ScoreSubmittedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'score',
  event: 'submitted',
  version: 1,
  schema: scoreSubmittedV1Schema,
  key: (payload) => payload.proposalId,
  description: 'An evaluator (desk) or panelist (panel) submitted a score sheet for a proposal.',
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    stage: 'desk',
    assignmentId: 'asg_0f3c',
    scorerAccountId: 'acct_eval_12',
    criteria: [
      { criterionId: 'novelty', score: 80 },
      { criterionId: 'effectiveness', score: 90 },
    ],
    weightedScore: 85,
    revision: 1,
    submittedAt: '2027-05-02T05:00:00.000Z',
  },
});
