import type { ScoreSheet } from './evaluator-api';

/** A desk score sheet for specs: a fresh draft on a two-criterion rubric, due far ahead. */
export function sheetFixture(overrides: Partial<ScoreSheet> = {}): ScoreSheet {
  return {
    sheetId: null,
    stage: 'desk',
    editionId: 'ed_2027',
    proposalId: 'prop-1',
    assignmentId: 'as-1',
    status: 'draft',
    revision: 0,
    submissions: 0,
    criteria: [],
    weightedScore: null,
    submittedWeightedScore: null,
    submittedAt: null,
    deadline: '2099-06-30T09:00:00Z',
    rubric: {
      scale: { min: 0, max: 100 },
      criteria: [
        { criterionId: 'novelty', weight: 50 },
        { criterionId: 'effectiveness', weight: 50 },
      ],
    },
    audit: [],
    ...overrides,
  };
}
