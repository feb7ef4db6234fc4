import { editionConfigurationExample } from '@kipp/contracts';
import { rubricFeedback } from './rubric-feedback';

const rubric = editionConfigurationExample.rubric;

describe('rubricFeedback', () => {
  it('should give per-criterion means and numbered evaluators when sheets are in', () => {
    const result = rubricFeedback(
      rubric,
      [
        {
          criteria: [
            { criterionId: 'novelty', score: 80, comment: 'Good idea' },
            { criterionId: 'effectiveness', score: 70, comment: '' },
          ],
        },
        {
          criteria: [
            { criterionId: 'novelty', score: 91, comment: ' Strong ' },
            { criterionId: 'effectiveness', score: 60, comment: 'Needs data' },
          ],
        },
      ],
      new Map([['novelty', 72.456]]),
    );
    expect(result).toEqual([
      {
        criterionId: 'novelty',
        name: rubric.criteria[0]!.name,
        weight: 50,
        meanScore: 85.5,
        editionMean: 72.46,
        comments: [
          { evaluator: 'Evaluator 1', comment: 'Good idea' },
          { evaluator: 'Evaluator 2', comment: 'Strong' },
        ],
      },
      {
        criterionId: 'effectiveness',
        name: rubric.criteria[1]!.name,
        weight: 50,
        meanScore: 65,
        editionMean: null,
        comments: [{ evaluator: 'Evaluator 2', comment: 'Needs data' }],
      },
    ]);
  });

  it('should answer null means when no sheet scored the criterion', () => {
    const [novelty] = rubricFeedback(rubric, [], new Map());
    expect(novelty).toMatchObject({ meanScore: null, editionMean: null, comments: [] });
  });
});
