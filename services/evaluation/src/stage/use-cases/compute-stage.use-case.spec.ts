import { editionConfigurationExample } from '@kipp/contracts';
import type { EvaluatedEdition } from '../../edition/evaluated-edition';
import type { StageRepository } from '../stage.repository';
import { ComputeStageUseCase } from './compute-stage.use-case';

const edition: EvaluatedEdition = {
  editionId: 'ed_1',
  configuration: {
    ...editionConfigurationExample,
    stageSizes: { ...editionConfigurationExample.stageSizes, finalistsGeneral: 2 },
  },
  evaluation: {
    ...(editionConfigurationExample.evaluation as NonNullable<
      typeof editionConfigurationExample.evaluation
    >),
    representation: [{ dimension: 'disadvantaged-region', value: 'true', min: 1, max: null }],
  },
  currentPhase: 'panel-review',
};

const entry = (proposalId: string, rank: number) => ({
  proposalId,
  institutionId: `inst_${proposalId}`,
  groupId: 'general',
  categoryId: 'health',
  rank,
  score: 100 - rank,
  advanced: true,
});

const proposal = (id: string, overrides: Record<string, unknown> = {}) => ({
  _id: id,
  institutionId: `inst_${id}`,
  groupId: 'general',
  categoryId: 'health',
  institution: { name: id, type: 'city', provinceCode: '32', disadvantaged: false },
  withdrawnAt: null,
  disqualification: null,
  ...overrides,
});

function setUp() {
  const stages = {
    latest: jest.fn(() =>
      Promise.resolve({
        _id: 'pub_ed_1_shortlist_1',
        entries: [entry('p1', 1), entry('p2', 2), entry('p3', 3), entry('p4', 4)],
      }),
    ),
    proposalsByIds: jest.fn(() =>
      Promise.resolve([
        proposal('p1', {
          disqualification: { reason: 'upheld', objectionId: 'o', at: new Date() },
        }),
        proposal('p2'),
        proposal('p3'),
        // Not projected on the proposal yet: read from the institution projection.
        proposal('p4', { institution: null }),
      ]),
    ),
    institutionsByIds: jest.fn(() =>
      Promise.resolve([
        { _id: 'inst_p4', type: 'regency', provinceCode: '91', disadvantaged: true },
      ]),
    ),
  };
  return { useCase: new ComputeStageUseCase(stages as unknown as StageRepository), stages };
}

describe('ComputeStageUseCase (finalists)', () => {
  it('should leave disqualified proposals out and read 3T from the institution projection when the proposal lacks it', async () => {
    const { useCase, stages } = setUp();
    const computed = await useCase.execute(edition, 'finalists');
    expect(stages.institutionsByIds).toHaveBeenCalledWith(['inst_p4']);
    expect(computed.entries.map((e) => [e.proposalId, e.advanced])).toEqual([
      ['p2', true],
      ['p3', false],
      ['p4', true],
    ]);
    expect(computed.basedOn).toBe('pub_ed_1_shortlist_1');
    expect(computed.report).toMatchObject({ left: 1, infeasible: [] });
  });
});
