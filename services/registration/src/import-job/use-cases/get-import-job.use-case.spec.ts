import { authenticatedUser } from '@kipp/testing';
import type { ImportJobRepository } from '../import-job.repository';
import {
  InMemoryImportJobs,
  inMemoryImportJobRunner,
  testImportJobSettings,
} from '../testing/in-memory-import-jobs';
import { GetImportJobUseCase } from './get-import-job.use-case';

const importer = authenticatedUser(['national_admin'], { accountId: 'acct_importer' });
const otherAdmin = authenticatedUser(['national_admin'], { accountId: 'acct_other' });
const startedAt = new Date('2026-03-01T08:00:00Z');
const seconds = (n: number) => new Date(startedAt.getTime() + n * 1000);

function setUp(jobs = new InMemoryImportJobs()) {
  return {
    jobs,
    useCase: new GetImportJobUseCase(jobs as unknown as ImportJobRepository, testImportJobSettings),
  };
}

async function applyingJob(jobs: InMemoryImportJobs) {
  await jobs.create({
    _id: 'imp_1',
    kind: 'institutions',
    total: 500,
    createdBy: 'acct_importer',
    startedAt,
    heartbeatAt: startedAt,
  });
  await jobs.recordProgress('imp_1', 200, seconds(5));
}

describe('GetImportJobUseCase', () => {
  it('should report an applying job as it is when its lease is fresh', async () => {
    const { jobs, useCase } = setUp();
    await applyingJob(jobs);

    await expect(useCase.execute('imp_1', importer, seconds(65))).resolves.toEqual({
      importId: 'imp_1',
      kind: 'institutions',
      status: 'applying',
      total: 500,
      processed: 200,
    });
  });

  it('should report and record IMPORT_INTERRUPTED when the lease is older than a minute', async () => {
    const { jobs, useCase } = setUp();
    await applyingJob(jobs);

    await expect(useCase.execute('imp_1', importer, seconds(66))).resolves.toMatchObject({
      status: 'failed',
      errorCode: 'IMPORT_INTERRUPTED',
      processed: 200,
    });
    expect(jobs.jobs.get('imp_1')).toMatchObject({ status: 'failed', finishedAt: seconds(66) });
  });

  it('should answer 404 IMPORT_NOT_FOUND when the id is unknown', async () => {
    const { useCase } = setUp();
    await expect(useCase.execute('imp_nope', importer)).rejects.toMatchObject({
      code: 'IMPORT_NOT_FOUND',
      status: 404,
    });
  });

  it('should hand the first passwords to the importer once and then keep only the result without them', async () => {
    const { jobs, runner } = inMemoryImportJobRunner();
    const { useCase } = setUp(jobs);
    const account = { row: 2, accountId: 'acct_1', userId: 'te.sari' };
    const { importId } = await runner.start('evaluators', 1, importer, () =>
      Promise.resolve({
        result: { imported: 1, accounts: [account] },
        revealOnce: { imported: 1, accounts: [{ ...account, initialPassword: 'Rahasia-123!' }] },
      }),
    );
    await runner.whenIdle();
    expect(JSON.stringify(jobs.jobs.get(importId))).not.toContain('Rahasia-123!');

    const other = await useCase.execute(importId, otherAdmin);
    expect(other.result).toEqual({ imported: 1, accounts: [account] });
    const first = await useCase.execute(importId, importer);
    expect(first).toMatchObject({ status: 'done', processed: 1, total: 1 });
    expect(first.result).toEqual({
      imported: 1,
      accounts: [{ ...account, initialPassword: 'Rahasia-123!' }],
    });
    expect(jobs.jobs.get(importId)?.sealedResult).toBeNull();
    const second = await useCase.execute(importId, importer);
    expect(second.result).toEqual({ imported: 1, accounts: [account] });
  });
});
