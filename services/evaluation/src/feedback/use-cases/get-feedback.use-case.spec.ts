import type { AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample, type EditionPhase } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { FeedbackProposal, FeedbackRepository } from '../feedback.repository';
import { GetFeedbackUseCase } from './get-feedback.use-case';

function user(
  roles: AuthenticatedUser['roles'],
  institutionId: string | null = null,
): AuthenticatedUser {
  return { accountId: 'acct_x', roles, institutionId, unitId: null, locale: 'id' };
}

const proposal: FeedbackProposal = {
  _id: 'prop_1',
  editionId: 'ed_2027',
  institutionId: 'inst_a',
  unitId: 'unit_a',
  title: 'Posyandu Digital',
  withdrawnAt: null,
  selection: {
    outcome: 'pass',
    reasons: [{ check: 'age', outcome: 'pass', note: '3 years' }],
    revision: 1,
    snapshotVersion: 1,
    decidedBy: 'acct_secretariat',
    decidedAt: new Date('2027-04-01'),
  },
};

function setUp(phase: EditionPhase | null, withEvaluation = true) {
  const { evaluation, ...withoutEvaluation } = editionConfigurationExample;
  const edition = {
    _id: 'ed_2027',
    configuration: withEvaluation ? { ...withoutEvaluation, evaluation } : withoutEvaluation,
    currentPhase: phase,
  } as EditionProjection;
  const repository: Pick<
    FeedbackRepository,
    | 'findProposal'
    | 'findEdition'
    | 'submittedDeskSheets'
    | 'editionCriterionMeans'
    | 'stagesReached'
    | 'awardTiers'
  > = {
    findProposal: (id) => Promise.resolve(id === 'prop_1' ? proposal : null),
    findEdition: () => Promise.resolve(edition),
    submittedDeskSheets: () =>
      Promise.resolve([
        {
          _id: 'sheet_1',
          submittedAt: new Date('2027-05-01'),
          criteria: [
            { criterionId: 'novelty', score: 80, comment: 'Bagus' },
            { criterionId: 'effectiveness', score: 60, comment: '' },
          ],
        },
      ]),
    editionCriterionMeans: () => Promise.resolve(new Map([['novelty', 70]])),
    stagesReached: () =>
      Promise.resolve([
        {
          stage: 'desk' as const,
          entry: {
            proposalId: 'prop_1',
            institutionId: 'inst_a',
            groupId: 'general',
            categoryId: 'health',
            rank: 2,
            score: 70,
            advanced: true,
          },
        },
      ]),
    awardTiers: () => Promise.resolve(['finalist']),
  };
  return new GetFeedbackUseCase(repository as FeedbackRepository);
}

describe('GetFeedbackUseCase', () => {
  it('should give the institution its rubric feedback without who decided or scored when results are out', async () => {
    const feedback = await setUp('results').execute(user(['local_admin'], 'inst_a'), 'prop_1');
    expect(feedback).toMatchObject({
      evaluatorCount: 1,
      selection: { outcome: 'pass', reasons: [{ check: 'age', outcome: 'pass', note: '3 years' }] },
      criteria: [
        { criterionId: 'novelty', meanScore: 80, editionMean: 70 },
        { criterionId: 'effectiveness', meanScore: 60, editionMean: null },
      ],
      stagesReached: [{ stage: 'desk', rank: 2, advanced: true }],
      awardTiers: ['finalist'],
    });
    expect(JSON.stringify(feedback)).not.toContain('acct_secretariat');
  });

  it('should stay open when the edition is closed', async () => {
    await expect(
      setUp('closed').execute(user(['national_admin']), 'prop_1'),
    ).resolves.toBeDefined();
  });

  it('should refuse with RESULTS_NOT_PUBLISHED when the edition is still judging', async () => {
    await expect(
      setUp('plenary').execute(user(['local_admin'], 'inst_a'), 'prop_1'),
    ).rejects.toMatchObject({ code: 'RESULTS_NOT_PUBLISHED' });
  });

  it('should refuse another institution before revealing anything when it asks', async () => {
    await expect(
      setUp('results').execute(user(['local_admin'], 'inst_b'), 'prop_1'),
    ).rejects.toMatchObject({ code: 'AUTH_FORBIDDEN' });
  });

  it('should answer PROPOSAL_NOT_FOUND and EDITION_NOT_CONFIGURED_FOR_EVALUATION when they apply', async () => {
    await expect(setUp('results').execute(user(['national_admin']), 'nope')).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
    await expect(
      setUp('results', false).execute(user(['national_admin']), 'prop_1'),
    ).rejects.toMatchObject({ code: 'EDITION_NOT_CONFIGURED_FOR_EVALUATION' });
  });
});
