import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

export const EVALUATION_STAGES = ['desk', 'shortlist', 'finalists', 'final'] as const;

export const stageResultPublishedV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  stage: z.enum(EVALUATION_STAGES),
  advanced: z.boolean(),
  /** Rank in the stage's ordering, 1 first; null when the stage does not rank. */
  rank: z.number().int().positive().nullable(),
  /** The score the stage ranked by (normalised desk score, panel score). */
  score: z.number().nullable(),
  /** The publication this result belongs to; a republication supersedes lower ones. */
  publicationId: z.string().min(1).max(64),
  publishedAt: instantSchema,
});

export const StageResultPublishedV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'stage-result',
  event: 'published',
  version: 1,
  schema: stageResultPublishedV1Schema,
  key: (payload) => payload.proposalId,
  description:
    "A stage's result for one proposal was published (desk ranking, shortlist, finalists, final); one event per proposal of the publication.",
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    stage: 'finalists',
    advanced: true,
    rank: 12,
    score: 88.4,
    publicationId: 'pub_ed_2027_finalists_1',
    publishedAt: '2027-06-01T03:00:00.000Z',
  },
});
