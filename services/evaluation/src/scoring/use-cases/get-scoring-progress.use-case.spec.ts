import { anAssignment, anEdition, InMemoryScoring } from '../testing/in-memory-scoring';
import type { ScoreSheet } from '../score-sheet.schema';

function sheet(id: string, scorerId: string, status: ScoreSheet['status']): ScoreSheet {
  return {
    _id: id,
    editionId: 'ed_2027',
    proposalId: `prop_${id}`,
    stage: 'desk',
    assignmentId: id,
    scorerId,
    criteria: [],
    weightedScore: null,
    status,
    revision: 1,
    submissions: status === 'submitted' ? 1 : 0,
    submittedAt: null,
    submittedWeightedScore: null,
    audit: [],
    outbox: [],
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

describe('GetScoringProgressUseCase', () => {
  function world() {
    const db = new InMemoryScoring();
    db.editions.set('ed_2027', anEdition());
    db.assignments.set('a1', anAssignment({ _id: 'a1', evaluatorId: 'ev_b' }));
    db.assignments.set('a2', anAssignment({ _id: 'a2', evaluatorId: 'ev_b', proposalId: 'p2' }));
    db.assignments.set('a3', anAssignment({ _id: 'a3', evaluatorId: 'ev_a', proposalId: 'p3' }));
    db.assignments.set('a4', anAssignment({ _id: 'a4', evaluatorId: 'ev_a', status: 'declined' }));
    db.sheets.set('a1', sheet('a1', 'ev_b', 'submitted'));
    db.sheets.set('a2', sheet('a2', 'ev_b', 'draft'));
    return db;
  }

  it('should count assigned, draft and submitted per evaluator, ignoring declined assignments', async () => {
    const progress = await world().useCases().progress.execute({ editionId: 'ed_2027' });

    expect(progress).toEqual({
      editionId: 'ed_2027',
      evaluators: [
        { evaluatorId: 'ev_a', assigned: 1, draft: 0, submitted: 0 },
        { evaluatorId: 'ev_b', assigned: 2, draft: 1, submitted: 1 },
      ],
      overall: { assigned: 3, submitted: 1, percentSubmitted: 33.3 },
    });
  });

  it('should show only the evaluator asking when it is their own progress', async () => {
    const progress = await world()
      .useCases()
      .progress.execute({ editionId: null, evaluatorId: 'ev_b' });

    expect(progress.evaluators).toEqual([
      { evaluatorId: 'ev_b', assigned: 2, draft: 1, submitted: 1 },
    ]);
  });

  it('should answer EDITION_NOT_FOUND for an unknown edition', async () => {
    await expect(
      world().useCases().progress.execute({ editionId: 'ed_missing' }),
    ).rejects.toMatchObject({ code: 'EDITION_NOT_FOUND', status: 404 });
  });
});
