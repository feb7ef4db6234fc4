import {
  aFinalist,
  anAssignment,
  anEdition,
  DESK_ENDS,
  DURING_DESK,
  evaluator,
  InMemoryScoring,
  panelist,
} from '../testing/in-memory-scoring';

const complete = [
  { criterionId: 'novelty', score: 80, comment: 'new to the region' },
  { criterionId: 'effectiveness', score: 90, comment: 'waiting times halved' },
];
const desk = { stage: 'desk' as const, assignmentId: 'asg_1' };

function world() {
  const db = new InMemoryScoring();
  db.editions.set('ed_2027', anEdition());
  db.assignments.set('asg_1', anAssignment());
  return db;
}

describe('SubmitScoreSheetUseCase', () => {
  it('should fix the weighted score and publish score.submitted when every criterion is scored and commented', async () => {
    const db = world();
    const { save, submit } = db.useCases();
    await save.execute(
      desk,
      { criteria: complete, expectedRevision: 0 },
      evaluator('ev_1'),
      DURING_DESK,
    );

    const { sheet: submitted } = await submit.execute(desk, 1, evaluator('ev_1'), DURING_DESK);

    expect(submitted).toMatchObject({
      status: 'submitted',
      weightedScore: 85,
      submittedWeightedScore: 85,
      submissions: 1,
      revision: 2,
    });
    expect(db.events).toHaveLength(1);
    expect(JSON.parse(db.events[0]?.value ?? '{}')).toMatchObject({
      type: 'score.submitted',
      payload: {
        proposalId: 'prop_1',
        stage: 'desk',
        assignmentId: 'asg_1',
        scorerAccountId: 'ev_1',
        weightedScore: 85,
        revision: 1,
      },
    });
    expect(db.nudges).toBe(1);
  });

  it('should give the event the next revision when the evaluator resubmits', async () => {
    const db = world();
    const { save, submit } = db.useCases();
    await save.execute(
      desk,
      { criteria: complete, expectedRevision: 0 },
      evaluator('ev_1'),
      DURING_DESK,
    );
    await submit.execute(desk, 1, evaluator('ev_1'), DURING_DESK);
    const { sheet: reopened } = await save.execute(
      desk,
      {
        criteria: [{ criterionId: 'novelty', score: 60, comment: 'seen elsewhere' }],
        expectedRevision: 2,
      },
      evaluator('ev_1'),
      DURING_DESK,
    );

    expect(reopened).toMatchObject({
      status: 'draft',
      weightedScore: 75,
      submittedWeightedScore: 85,
    });
    const { sheet: again } = await submit.execute(desk, 3, evaluator('ev_1'), DURING_DESK);

    expect(again).toMatchObject({ submissions: 2, submittedWeightedScore: 75 });
    expect(JSON.parse(db.events[1]?.value ?? '{}')).toMatchObject({
      payload: { revision: 2, weightedScore: 75 },
    });
    expect(again.audit.map((a) => a.action)).toEqual([
      'saved',
      'submitted',
      'reopened',
      'submitted',
    ]);
  });

  it('should refuse with SCORE_SHEET_INCOMPLETE when a comment is missing', async () => {
    const db = world();
    const { save, submit } = db.useCases();
    await save.execute(
      desk,
      { criteria: [{ ...complete[0]!, comment: '  ' }, complete[1]!], expectedRevision: 0 },
      evaluator('ev_1'),
      DURING_DESK,
    );

    await expect(submit.execute(desk, 1, evaluator('ev_1'), DURING_DESK)).rejects.toMatchObject({
      code: 'SCORE_SHEET_INCOMPLETE',
      status: 422,
      details: { unscored: [], uncommented: ['novelty'] },
    });
    expect(db.events).toEqual([]);
  });

  it('should accept a submission in the grace period and refuse it after', async () => {
    const db = world();
    const { save, submit } = db.useCases();
    const inGrace = new Date(DESK_ENDS.getTime() + 29 * 60_000);
    const afterGrace = new Date(DESK_ENDS.getTime() + 31 * 60_000);
    await save.execute(
      desk,
      { criteria: complete, expectedRevision: 0 },
      evaluator('ev_1'),
      inGrace,
    );

    await expect(submit.execute(desk, 1, evaluator('ev_1'), afterGrace)).rejects.toMatchObject({
      code: 'SCORING_CLOSED',
      details: { deadline: new Date(DESK_ENDS.getTime() + 30 * 60_000).toISOString() },
    });
    await expect(submit.execute(desk, 1, evaluator('ev_1'), inGrace)).resolves.toMatchObject({
      sheet: { status: 'submitted' },
    });
  });

  it('should answer 404 when the assignment belongs to another evaluator', async () => {
    const db = world();
    const { submit } = db.useCases();

    await expect(submit.execute(desk, 1, evaluator('ev_2'), DURING_DESK)).rejects.toMatchObject({
      code: 'ASSIGNMENT_NOT_FOUND',
      status: 404,
    });
  });

  it('should submit a panel sheet on the panel rubric when the proposal is a finalist', async () => {
    const db = world();
    db.editions.set('ed_2027', { ...anEdition(), currentPhase: 'interview' });
    db.finalists.set('prop_9', aFinalist('prop_9'));
    const { save, submit } = db.useCases();
    const address = { stage: 'panel' as const, editionId: 'ed_2027', proposalId: 'prop_9' };
    const during = new Date('2027-07-02T01:00:00.000Z');
    await save.execute(
      address,
      {
        criteria: [{ criterionId: 'presentation', score: 70, comment: 'clear' }],
        expectedRevision: 0,
      },
      panelist('pan_1'),
      during,
    );

    const { sheet: submitted } = await submit.execute(address, 1, panelist('pan_1'), during);

    expect(submitted).toMatchObject({ stage: 'panel', assignmentId: null, weightedScore: 70 });
    db.editions.set('ed_2027', { ...anEdition(), currentPhase: 'results' });
    await expect(submit.execute(address, 2, panelist('pan_1'), during)).rejects.toMatchObject({
      code: 'SCORING_CLOSED',
    });
  });
});
