import type { AuthenticatedUser } from '@kipp/auth';
import type { StalledRepository, StatusCountRow } from '../stalled.repository';
import { GetDraftsReportUseCase } from './get-drafts-report.use-case';

const rows: StatusCountRow[] = [
  { institutionId: 'inst_a', status: 'draft', count: 1, oldestSince: new Date('2027-03-05') },
  { institutionId: 'inst_a', status: 'forwarded', count: 4, oldestSince: new Date('2027-03-01') },
  { institutionId: 'inst_b', status: 'draft', count: 2, oldestSince: new Date('2027-03-10') },
  { institutionId: 'inst_b', status: 'submitted', count: 1, oldestSince: new Date('2027-03-02') },
  { institutionId: 'inst_b', status: 'withdrawn', count: 1, oldestSince: new Date('2027-01-01') },
];

function user(roles: AuthenticatedUser['roles'], institutionId: string | null): AuthenticatedUser {
  return { accountId: 'acc', roles, institutionId, unitId: null, locale: 'id' };
}

function setUp() {
  const count = jest.fn((_editionId: string, institutionId: string | null) =>
    Promise.resolve(
      rows.filter((r) => institutionId === null || r.institutionId === institutionId),
    ),
  );
  const repository: Pick<StalledRepository, 'editionExists' | 'countByInstitutionAndStatus'> = {
    editionExists: (editionId) => Promise.resolve(editionId === 'ed_2027'),
    countByInstitutionAndStatus: count,
  };
  return { count, useCase: new GetDraftsReportUseCase(repository as StalledRepository) };
}

describe('GetDraftsReportUseCase', () => {
  it('should show the national admin every institution, most stuck first', async () => {
    const { useCase } = setUp();
    const report = await useCase.execute('ed_2027', user(['national_admin'], null));
    expect(report.institutions).toEqual([
      {
        institutionId: 'inst_b',
        counts: { draft: 2, submitted: 1, returned: 0, forwarded: 0, withdrawn: 1 },
        withUnit: 2,
        withLocalAdmin: 1,
        oldestSittingSince: new Date('2027-03-02'),
      },
      {
        institutionId: 'inst_a',
        counts: { draft: 1, submitted: 0, returned: 0, forwarded: 4, withdrawn: 0 },
        withUnit: 1,
        withLocalAdmin: 0,
        oldestSittingSince: new Date('2027-03-05'),
      },
    ]);
  });

  it('should ask only for its own institution when the caller is a local admin', async () => {
    const { count, useCase } = setUp();
    const report = await useCase.execute('ed_2027', user(['local_admin'], 'inst_a'));
    expect(count).toHaveBeenCalledWith('ed_2027', 'inst_a');
    expect(report.institutions.map((entry) => entry.institutionId)).toEqual(['inst_a']);
  });

  it('should refuse a unit operator with a stable code', async () => {
    const { useCase } = setUp();
    await expect(
      useCase.execute('ed_2027', user(['unit_operator'], 'inst_a')),
    ).rejects.toMatchObject({ code: 'DRAFTS_REPORT_FORBIDDEN' });
  });

  it('should answer not found when the edition is not known', async () => {
    const { useCase } = setUp();
    await expect(useCase.execute('ed_none', user(['national_admin'], null))).rejects.toMatchObject({
      code: 'EDITION_NOT_KNOWN',
    });
  });
});
