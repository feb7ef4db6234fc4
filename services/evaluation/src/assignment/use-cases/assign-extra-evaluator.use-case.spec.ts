import type { ClientSession } from 'mongoose';
import { editionConfigurationExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { EvaluationProposal } from '../../proposal/proposal.schema';
import type { Reviewer } from '../../reviewer/reviewer.schema';
import type { AssignmentSourcesRepository } from '../assignment-sources.repository';
import type { AssignmentRepository, ExistingPair, NewAssignment } from '../assignment.repository';
import { AssignExtraEvaluatorUseCase } from './assign-extra-evaluator.use-case';

const session = {} as ClientSession;

function reviewer(id: string, profile: Partial<NonNullable<Reviewer['profile']>> = {}): Reviewer {
  return {
    _id: id,
    name: id,
    email: `${id}@example.org`,
    locale: 'id',
    roles: ['evaluator'],
    profile: {
      affiliation: `Universitas ${id}`,
      homeProvinceCode: '34',
      pastEngagementInstitutionIds: [],
      declaredConflictInstitutionIds: [],
      expertiseCategoryIds: ['health'],
      ...profile,
    },
    active: true,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
}

function setup(options: {
  reviewers: Reviewer[];
  pairs?: ExistingPair[];
  loads?: Map<string, number>;
  configured?: boolean;
}) {
  const configuration = {
    ...editionConfigurationExample,
    calendar: [
      ...editionConfigurationExample.calendar,
      {
        phase: 'desk-evaluation' as const,
        startsAt: '2027-04-20T01:00:00.000Z',
        endsAt: '2027-05-15T16:59:59.000Z',
      },
    ],
  };
  if (options.configured === false) delete configuration.evaluation;
  const edition = { _id: 'ed_2027', configuration } as EditionProjection;
  const proposal = {
    _id: 'prop_1',
    editionId: 'ed_2027',
    institutionId: 'inst_1',
    unitId: 'unit_1',
    categoryId: 'health',
    institution: { name: 'Kota Bandung', type: 'city', provinceCode: '32', disadvantaged: false },
  } as EvaluationProposal;
  const inserted: NewAssignment[] = [];
  const assignments = {
    loadsInEdition: () => Promise.resolve(options.loads ?? new Map<string, number>()),
    pairsOfProposal: () => Promise.resolve(options.pairs ?? []),
    insertMany: (rows: NewAssignment[]) => {
      inserted.push(...rows);
      return Promise.resolve();
    },
  } as unknown as AssignmentRepository;
  const sources = {
    edition: () => Promise.resolve(edition),
    proposal: () => Promise.resolve(proposal),
    activeEvaluators: () => Promise.resolve(options.reviewers),
    institutionsByIds: () => Promise.resolve(new Map()),
  } as unknown as AssignmentSourcesRepository;
  return { useCase: new AssignExtraEvaluatorUseCase(assignments, sources), inserted };
}

const input = { editionId: 'ed_2027', proposalId: 'prop_1', reason: 'divergence' as const };

describe('AssignExtraEvaluatorUseCase', () => {
  it('should assign the least-loaded eligible evaluator not yet paired when one exists', async () => {
    const { useCase, inserted } = setup({
      reviewers: [
        reviewer('e1'),
        reviewer('e2'),
        reviewer('e3'),
        reviewer('e4', { homeProvinceCode: '32' }),
      ],
      pairs: [{ proposalId: 'prop_1', evaluatorId: 'e1', status: 'active' }],
      loads: new Map([
        ['e1', 1],
        ['e2', 5],
        ['e3', 2],
      ]),
    });

    const assignment = await useCase.execute(input, session);

    expect(assignment).toMatchObject({ evaluatorId: 'e3', reason: 'divergence', status: 'active' });
    expect(assignment?.dueAt?.toISOString()).toBe('2027-05-15T16:59:59.000Z');
    expect(inserted).toHaveLength(1);
    expect(inserted[0]?.outbox).toEqual([
      expect.objectContaining({
        key: 'prop_1',
        value: expect.stringContaining('"evaluatorAccountId":"e3"') as string,
      }),
    ]);
  });

  it('should return null and write nothing when nobody is eligible', async () => {
    const { useCase, inserted } = setup({
      reviewers: [reviewer('e1'), reviewer('e2', { declaredConflictInstitutionIds: ['inst_1'] })],
      pairs: [{ proposalId: 'prop_1', evaluatorId: 'e1', status: 'declined' }],
    });

    await expect(useCase.execute(input, session)).resolves.toBeNull();
    expect(inserted).toEqual([]);
  });

  it('should refuse with EDITION_NOT_CONFIGURED_FOR_EVALUATION when the edition lacks settings', async () => {
    const { useCase } = setup({ reviewers: [reviewer('e1')], configured: false });

    await expect(useCase.execute(input, session)).rejects.toMatchObject({
      code: 'EDITION_NOT_CONFIGURED_FOR_EVALUATION',
    });
  });
});
