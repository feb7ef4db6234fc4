import { z } from 'zod';
import { defineEvent } from '../descriptor';
import { actorSchema, instantSchema } from '../shared/common';
import { editionPhaseSchema } from './edition-configuration';

export const editionPhaseChangedV1Schema = z.strictObject({
  editionId: z.string().min(1).max(64),
  /** null before the first phase starts. */
  previousPhase: editionPhaseSchema.nullable(),
  phase: editionPhaseSchema,
  /** The scheduler (system actor) on the calendar, or the national admin by hand. */
  changedBy: actorSchema,
  changedAt: instantSchema,
});

export const EditionPhaseChangedV1 = defineEvent({
  producer: 'registration',
  aggregate: 'edition',
  event: 'phase-changed',
  version: 1,
  schema: editionPhaseChangedV1Schema,
  key: (payload) => payload.editionId,
  description:
    'An edition moved to another phase, on schedule or by the national admin (emitted once).',
  example: {
    editionId: 'ed_2027',
    previousPhase: 'registration',
    phase: 'submission',
    changedBy: { kind: 'system', process: 'phase-scheduler' },
    changedAt: '2027-02-01T01:00:00.000Z',
  },
});
