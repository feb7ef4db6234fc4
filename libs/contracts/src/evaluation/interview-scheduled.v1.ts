import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';

export const INTERVIEW_CHANGES = ['booked', 'moved', 'confirmed', 'released'] as const;

export const interviewScheduledV1Schema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  editionId: z.string().min(1).max(64),
  institutionId: z.string().min(1).max(64),
  slotId: z.string().min(1).max(64),
  /** What happened to the finalist's slot. */
  change: z.enum(INTERVIEW_CHANGES),
  startsAt: instantSchema,
  presentationMinutes: z.number().int().positive(),
  interviewMinutes: z.number().int().positive(),
  /** The local admin must confirm before this instant. */
  confirmBy: instantSchema,
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const InterviewScheduledV1 = defineEvent({
  producer: 'evaluation',
  aggregate: 'interview',
  event: 'scheduled',
  version: 1,
  schema: interviewScheduledV1Schema,
  key: (payload) => payload.proposalId,
  description:
    "A finalist's presentation-and-interview slot was booked, moved (swap), confirmed by the local admin, or released.",
  example: {
    proposalId: 'prop_8d1e',
    editionId: 'ed_2027',
    institutionId: 'inst_3273',
    slotId: 'slot_0612_0900',
    change: 'booked',
    startsAt: '2027-06-12T02:00:00.000Z',
    presentationMinutes: 7,
    interviewMinutes: 13,
    confirmBy: '2027-06-11T02:00:00.000Z',
    changedBy: { kind: 'account', accountId: 'acct_secretariat' },
    changedAt: '2027-06-10T03:00:00.000Z',
  },
});
