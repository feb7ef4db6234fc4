import { editionConfigurationExample } from '@kipp/contracts';
import { mergeCriteria, scoreForSubmission } from './sheet-rules';

const rubric = editionConfigurationExample.rubric;

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('mergeCriteria', () => {
  it('should replace criteria given and keep the others in rubric order', () => {
    const merged = mergeCriteria(
      rubric,
      [
        { criterionId: 'effectiveness', score: 40, comment: 'old' },
        { criterionId: 'novelty', score: 10, comment: 'kept' },
      ],
      [{ criterionId: 'effectiveness', score: 60, comment: '  new  ' }],
    );

    expect(merged).toEqual([
      { criterionId: 'novelty', score: 10, comment: 'kept' },
      { criterionId: 'effectiveness', score: 60, comment: 'new' },
    ]);
  });

  it('should accept the scale bounds and refuse values beyond them', () => {
    expect(
      mergeCriteria(rubric, [], [{ criterionId: 'novelty', score: 100, comment: '' }]),
    ).toHaveLength(1);
    expect(
      refusal(() =>
        mergeCriteria(rubric, [], [{ criterionId: 'novelty', score: 100.5, comment: '' }]),
      ),
    ).toMatchObject({ code: 'SCORE_OUT_OF_SCALE' });
  });

  it('should refuse criteria outside the rubric', () => {
    expect(
      refusal(() => mergeCriteria(rubric, [], [{ criterionId: 'sdg', score: 1, comment: '' }])),
    ).toMatchObject({ code: 'UNKNOWN_CRITERION', details: { criteria: ['sdg'] } });
  });
});

describe('scoreForSubmission', () => {
  it('should list unscored and uncommented criteria when the sheet is not complete', () => {
    expect(
      refusal(() =>
        scoreForSubmission(rubric, [{ criterionId: 'novelty', score: 50, comment: '' }]),
      ),
    ).toMatchObject({
      code: 'SCORE_SHEET_INCOMPLETE',
      details: { unscored: ['effectiveness'], uncommented: ['novelty'] },
    });
  });

  it('should answer the weighted score when the sheet is complete', () => {
    expect(
      scoreForSubmission(rubric, [
        { criterionId: 'novelty', score: 50, comment: 'a' },
        { criterionId: 'effectiveness', score: 70, comment: 'b' },
      ]),
    ).toBe(60);
  });
});
