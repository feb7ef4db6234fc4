import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { instantSchema } from '../shared/common';

/** The objector's contact details stay in evaluation; the event carries facts only. */
export const objectionFiledV1Schema = z.strictObject({
  objectionId: z.string().min(1).max(64),
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  evidenceCount: z.number().int().min(0),
  filedAt: instantSchema,
});

export const ObjectionFiledV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'objection',
  event: 'filed',
  version: 1,
  schema: objectionFiledV1Schema,
  key: (payload) => payload.proposalId,
  description: 'Someone filed an objection against a finalist during the objection window.',
  example: {
    objectionId: 'obj_51c0',
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    evidenceCount: 1,
    filedAt: '2027-06-03T03:00:00.000Z',
  },
});
