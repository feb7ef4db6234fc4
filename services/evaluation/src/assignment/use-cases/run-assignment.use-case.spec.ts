import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { editionConfigurationExample } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import type { EditionProjection } from '../../edition/edition.schema';
import type { LeaseService } from '../../lease/lease.service';
import type { Reviewer } from '../../reviewer/reviewer.schema';
import type {
  AssignableProposal,
  AssignmentSourcesRepository,
} from '../assignment-sources.repository';
import type { AssignmentRepository, ExistingPair, NewAssignment } from '../assignment.repository';
import { RunAssignmentUseCase } from './run-assignment.use-case';

const admin: AuthenticatedUser = {
  accountId: 'acct_admin',
  roles: ['national_admin'],
  institutionId: null,
  unitId: null,
  locale: 'id',
};

const proposal = (id: string): AssignableProposal => ({
  _id: id,
  editionId: 'ed_2027',
  institutionId: 'inst_1',
  unitId: 'unit_1',
  categoryId: 'health',
  institution: { name: 'Kementerian', type: 'ministry', provinceCode: null, disadvantaged: false },
});

const reviewer = (id: string): Reviewer => ({
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
  },
  active: true,
  createdAt: new Date(),
  updatedAt: new Date(),
});

function setup(options: { leaseFree?: boolean; pairs?: ExistingPair[] }) {
  const inserted: NewAssignment[] = [];
  let runsSaved = 0;
  const assignments = {
    pairsOfEdition: () => Promise.resolve(options.pairs ?? []),
    loadsInEdition: () => Promise.resolve(new Map<string, number>()),
    insertMany: (rows: NewAssignment[]) => {
      inserted.push(...rows);
      return Promise.resolve();
    },
    saveRun: () => {
      runsSaved += 1;
      return Promise.resolve();
    },
  } as unknown as AssignmentRepository;
  const sources = {
    edition: () =>
      Promise.resolve({
        _id: 'ed_2027',
        configuration: editionConfigurationExample,
      } as EditionProjection),
    assignableProposals: () => Promise.resolve([proposal('p1'), proposal('p2')]),
    activeEvaluators: () => Promise.resolve(['e1', 'e2', 'e3', 'e4'].map(reviewer)),
    institutionsByIds: () => Promise.resolve(new Map()),
  } as unknown as AssignmentSourcesRepository;
  const asserted: number[] = [];
  const leases = {
    runExclusive: async <T>(
      _name: string,
      work: (lease: { name: string; token: number }) => Promise<T>,
    ) =>
      options.leaseFree === false
        ? { ran: false }
        : { ran: true, result: await work({ name: 'assignment:ed_2027', token: 7 }) },
    assertHeld: (lease: { token: number }) => {
      asserted.push(lease.token);
      return Promise.resolve();
    },
  } as unknown as LeaseService;
  const connection = {
    transaction: <T>(fn: (session: object) => Promise<T>) => fn({}),
  } as unknown as Connection;
  const useCase = new RunAssignmentUseCase(
    assignments,
    sources,
    leases,
    new OutboxNotifier(),
    connection,
  );
  return { useCase, inserted, asserted, runsSaved: () => runsSaved };
}

describe('RunAssignmentUseCase', () => {
  it('should create k assignments per proposal with their events when the lease is free', async () => {
    const { useCase, inserted, asserted, runsSaved } = setup({});

    const summary = await useCase.execute('ed_2027', admin);

    // The example edition asks for 3 evaluators per proposal.
    expect(summary.assignmentsCreated).toBe(6);
    expect(inserted).toHaveLength(6);
    expect(inserted.every((a) => a.outbox.length === 1 && a.reason === 'initial')).toBe(true);
    expect(asserted).toEqual([7]);
    expect(runsSaved()).toBe(1);
  });

  it('should create nothing and record no run when every proposal already has k', async () => {
    const pairs: ExistingPair[] = ['p1', 'p2'].flatMap((p) =>
      ['e1', 'e2', 'e3'].map((e) => ({ proposalId: p, evaluatorId: e, status: 'active' as const })),
    );
    const { useCase, inserted, runsSaved } = setup({ pairs });

    const summary = await useCase.execute('ed_2027', admin);

    expect(summary).toMatchObject({ runId: null, assignmentsCreated: 0, proposalsConsidered: 0 });
    expect(inserted).toEqual([]);
    expect(runsSaved()).toBe(0);
  });

  it('should refuse with RECOMPUTATION_IN_PROGRESS when another instance holds the lease', async () => {
    const { useCase, inserted } = setup({ leaseFree: false });

    await expect(useCase.execute('ed_2027', admin)).rejects.toMatchObject({
      code: 'RECOMPUTATION_IN_PROGRESS',
    });
    expect(inserted).toEqual([]);
  });
});
