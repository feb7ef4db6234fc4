import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample } from '@kipp/contracts';
import type { OutboxNotifier } from '@kipp/messaging';
import type { LeaseService } from '../../lease/lease.service';
import type { StageRepository, NewPublication } from '../stage.repository';
import { ComputeStageUseCase } from './compute-stage.use-case';
import { publicationIdOf, PublishStageUseCase } from './publish-stage.use-case';

const actor: AuthenticatedUser = {
  accountId: 'acct_admin',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};
const session = { id: 'session' };
const connection = {
  transaction: (fn: (s: unknown) => Promise<unknown>) => fn(session),
} as unknown as Connection;

function setUp(options: { leaseFree?: boolean; latestVersion?: number | null } = {}) {
  const inserted: NewPublication[] = [];
  const stages = {
    findEdition: jest.fn(() =>
      Promise.resolve({
        _id: 'ed_1',
        configuration: { ...editionConfigurationExample, editionId: 'ed_1', passingGrade: 60 },
        revision: 1,
        currentPhase: null,
      }),
    ),
    passedProposals: jest.fn(() =>
      Promise.resolve(
        ['p1', 'p2'].map((id) => ({
          _id: id,
          editionId: 'ed_1',
          groupId: 'general',
          categoryId: 'health',
          institutionId: `inst_${id}`,
          title: id,
          institution: null,
          forwardedAt: new Date('2027-03-01T00:00:00Z'),
          withdrawnAt: null,
          selection: { outcome: 'pass' },
          disqualification: null,
        })),
      ),
    ),
    deskResults: jest.fn(() =>
      Promise.resolve([
        { _id: 'p1', scoreCount: 3, rawMean: 70, normalizedMean: 70 },
        { _id: 'p2', scoreCount: 3, rawMean: 50, normalizedMean: 50 },
      ]),
    ),
    latest: jest.fn(() =>
      Promise.resolve(
        options.latestVersion ? { _id: 'old', version: options.latestVersion, entries: [] } : null,
      ),
    ),
    insert: jest.fn((publication: NewPublication) => {
      inserted.push(publication);
      return Promise.resolve();
    }),
  };
  const leases = {
    runExclusive: jest.fn(async (_name: string, work: (lease: unknown) => Promise<unknown>) =>
      options.leaseFree === false
        ? { ran: false }
        : { ran: true, result: await work({ name: _name, token: 7 }) },
    ),
    assertHeld: jest.fn(() => Promise.resolve()),
  };
  const outbox = { nudge: jest.fn() };
  const repository = stages as unknown as StageRepository;
  const useCase = new PublishStageUseCase(
    repository,
    new ComputeStageUseCase(repository),
    leases as unknown as LeaseService,
    outbox as unknown as OutboxNotifier,
    connection,
  );
  return { useCase, stages, leases, outbox, inserted };
}

describe('PublishStageUseCase', () => {
  it('should write the next version with one event per entry and check the lease in the transaction when publishing', async () => {
    const { useCase, leases, outbox, inserted } = setUp({ latestVersion: 2 });
    const published = await useCase.execute(actor, 'ed_1', 'desk');
    expect(published).toMatchObject({ version: 3, entries: 2, advanced: 1 });
    expect(leases.runExclusive).toHaveBeenCalledWith('stage:ed_1', expect.any(Function));
    expect(leases.assertHeld).toHaveBeenCalledWith({ name: 'stage:ed_1', token: 7 }, session);
    const [publication] = inserted;
    expect(publication?._id).toBe('pub_ed_1_desk_3');
    expect(publication?.leaseToken).toBe(7);
    expect(publication?.outbox.map((e) => e.key)).toEqual(['p1', 'p2']);
    expect(outbox.nudge).toHaveBeenCalled();
  });

  it('should answer RECOMPUTATION_IN_PROGRESS and write nothing when another instance holds the lease', async () => {
    const { useCase, inserted } = setUp({ leaseFree: false });
    await expect(useCase.execute(actor, 'ed_1', 'desk')).rejects.toMatchObject({
      code: 'RECOMPUTATION_IN_PROGRESS',
    });
    expect(inserted).toEqual([]);
  });

  it('should answer STAGE_PREREQUISITE_MISSING when finalists are asked for before a shortlist', async () => {
    const { useCase } = setUp();
    await expect(useCase.execute(actor, 'ed_1', 'finalists')).rejects.toMatchObject({
      code: 'STAGE_PREREQUISITE_MISSING',
    });
  });

  it('should answer EDITION_NOT_CONFIGURED_FOR_EVALUATION when the edition lacks the evaluation block', async () => {
    const { useCase, stages } = setUp();
    const { evaluation: _omitted, ...bare } = editionConfigurationExample;
    stages.findEdition.mockResolvedValueOnce({
      _id: 'ed_1',
      configuration: { ...bare, editionId: 'ed_1' },
      revision: 1,
      currentPhase: null,
    });
    await expect(useCase.execute(actor, 'ed_1', 'desk')).rejects.toMatchObject({
      code: 'EDITION_NOT_CONFIGURED_FOR_EVALUATION',
    });
  });
});

describe('publicationIdOf', () => {
  it('should stay within 64 characters when the edition id is long', () => {
    expect(publicationIdOf('ed_2027', 'finalists', 2)).toBe('pub_ed_2027_finalists_2');
    expect(publicationIdOf('e'.repeat(64), 'shortlist', 12).length).toBeLessThanOrEqual(64);
  });
});
