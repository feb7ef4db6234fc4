import {
  anAssignment,
  anEdition,
  DURING_DESK,
  evaluator,
  InMemoryScoring,
} from '../testing/in-memory-scoring';

const desk = { stage: 'desk' as const, assignmentId: 'asg_1' };

function world() {
  const db = new InMemoryScoring();
  db.editions.set('ed_2027', anEdition());
  db.assignments.set('asg_1', anAssignment());
  return db;
}

describe('SaveScoreSheetUseCase', () => {
  it('should keep a partial draft without a weighted score when criteria are missing', async () => {
    const db = world();
    const { sheet: saved } = await db
      .useCases()
      .save.execute(
        desk,
        { criteria: [{ criterionId: 'novelty', score: 70, comment: '' }], expectedRevision: 0 },
        evaluator('ev_1'),
        DURING_DESK,
      );

    expect(saved).toMatchObject({
      _id: 'desk_asg_1',
      status: 'draft',
      revision: 1,
      weightedScore: null,
    });
    expect(saved.audit).toEqual([
      expect.objectContaining({
        action: 'saved',
        by: 'ev_1',
        at: DURING_DESK,
        criteria: saved.criteria,
      }),
    ]);
    expect(db.events).toEqual([]);
  });

  it('should refuse a stale revision with SCORE_SHEET_REVISION_CONFLICT', async () => {
    const db = world();
    const { save } = db.useCases();
    const input = {
      criteria: [{ criterionId: 'novelty', score: 70, comment: '' }],
      expectedRevision: 0,
    };
    await save.execute(desk, input, evaluator('ev_1'), DURING_DESK);

    await expect(save.execute(desk, input, evaluator('ev_1'), DURING_DESK)).rejects.toMatchObject({
      code: 'SCORE_SHEET_REVISION_CONFLICT',
      details: { expectedRevision: 0, currentRevision: 1 },
    });
  });

  it('should refuse scores outside the rubric scale and unknown criteria without writing', async () => {
    const db = world();
    const { save } = db.useCases();

    await expect(
      save.execute(
        desk,
        { criteria: [{ criterionId: 'novelty', score: -1, comment: '' }], expectedRevision: 0 },
        evaluator('ev_1'),
        DURING_DESK,
      ),
    ).rejects.toMatchObject({ code: 'SCORE_OUT_OF_SCALE', status: 422 });
    await expect(
      save.execute(
        desk,
        { criteria: [{ criterionId: 'charm', score: 1, comment: '' }], expectedRevision: 0 },
        evaluator('ev_1'),
        DURING_DESK,
      ),
    ).rejects.toMatchObject({ code: 'UNKNOWN_CRITERION', status: 422 });
    expect(db.sheets.size).toBe(0);
  });

  it('should refuse when the assignment is no longer active', async () => {
    const db = world();
    db.assignments.set('asg_1', anAssignment({ status: 'recused' }));

    await expect(
      db
        .useCases()
        .save.execute(desk, { criteria: [], expectedRevision: 0 }, evaluator('ev_1'), DURING_DESK),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT_NOT_ACTIVE', status: 409 });
  });

  it('should answer EDITION_NOT_CONFIGURED_FOR_EVALUATION when the edition lacks the evaluation block', async () => {
    const db = world();
    const edition = anEdition();
    delete edition.configuration.evaluation;
    db.editions.set('ed_2027', edition);

    await expect(
      db
        .useCases()
        .save.execute(desk, { criteria: [], expectedRevision: 0 }, evaluator('ev_1'), DURING_DESK),
    ).rejects.toMatchObject({ code: 'EDITION_NOT_CONFIGURED_FOR_EVALUATION', status: 409 });
  });
});
