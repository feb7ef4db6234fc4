import type { Connection } from 'mongoose';
import { OutboxNotifier } from '@kipp/messaging';
import { EvaluatorImportInvalidError } from '../account.errors';
import type { AccountRepository } from '../account.repository';
import { AccountFactory, type NewAccount } from '../new-account';
import { PasswordHasher } from '../password-hasher';
import { ImportEvaluatorsUseCase } from './import-evaluators.use-case';
import { authenticatedUser } from '@kipp/testing';
import { inMemoryImportJobRunner } from '../../import-job/testing/in-memory-import-jobs';

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

const HEADER = 'userId,name,email,locale,affiliation,homeProvinceCode,expertiseCategoryIds,role';

function setUp(taken: string[] = []) {
  const written: NewAccount[][] = [];
  const accounts = {
    existingUserIds: (ids: readonly string[]) =>
      Promise.resolve(ids.filter((id) => taken.includes(id))),
    insertAll: (batch: readonly NewAccount[]) => {
      written.push([...batch]);
      return Promise.resolve();
    },
  };
  // Runs the work at once, as a transaction that commits would.
  const connection = {
    transaction: (fn: (session: unknown) => Promise<unknown>) => fn({}),
  };
  const { jobs, runner } = inMemoryImportJobRunner();
  const useCase = new ImportEvaluatorsUseCase(
    accounts as unknown as AccountRepository,
    new AccountFactory(new PasswordHasher()),
    new OutboxNotifier(),
    runner,
    connection as unknown as Connection,
  );
  return { useCase, written, jobs, runner };
}

async function reportOf(promise: Promise<unknown>) {
  const error: unknown = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(EvaluatorImportInvalidError);
  return (error as EvaluatorImportInvalidError).details;
}

describe('ImportEvaluatorsUseCase', () => {
  it('should write every row in one batch with its profile when the file is valid', async () => {
    const { useCase, written, jobs, runner } = setUp();
    const csv = `${HEADER}\nte.sari,Prof. Sari,sari@ugm.ac.id,id,UGM,34,health; governance,evaluator\n`;

    const { importId, status } = await useCase.execute({ csv }, admin);
    expect(status).toBe('applying');
    await runner.whenIdle();

    const job = jobs.jobs.get(importId);
    expect(job).toMatchObject({
      kind: 'evaluators',
      status: 'done',
      processed: 1,
      result: {
        imported: 1,
        accounts: [{ row: 2, accountId: expect.any(String) as unknown, userId: 'te.sari' }],
      },
    });
    // The first password is kept sealed, never in the clear.
    expect(JSON.stringify(job?.result)).not.toContain('initialPassword');
    expect(job?.sealedResult).toEqual(expect.any(String));
    expect(written).toHaveLength(1);
    expect(written[0]?.[0]).toMatchObject({
      roles: ['evaluator'],
      reviewerProfile: {
        affiliation: 'UGM',
        homeProvinceCode: '34',
        expertiseCategoryIds: ['health', 'governance'],
      },
    });
  });

  it('should write nothing and report every bad row when user ids repeat or are taken', async () => {
    const { useCase, written } = setUp(['te.taken']);
    const csv = [
      HEADER,
      'te.ok,Ok,ok@ugm.ac.id,id,UGM,34,health,evaluator',
      'te.ok,Again,again@ugm.ac.id,id,UGM,34,health,evaluator',
      'te.bad,Bad,bad@ugm.ac.id,fr,UGM,3,health,evaluator',
      'te.taken,Taken,taken@ugm.ac.id,id,UGM,,health,panelist',
    ].join('\n');

    const details = await reportOf(useCase.execute({ csv }, admin));

    expect(details).toMatchObject({
      rows: 4,
      issues: [
        { row: 3, field: 'userId' },
        { row: 4, field: 'locale' },
        { row: 4, field: 'homeProvinceCode' },
        { row: 5, field: 'userId', message: 'the user id is taken' },
      ],
    });
    expect(written).toHaveLength(0);
  });

  it('should name the columns missing from the header when the header is short', async () => {
    const { useCase } = setUp();
    const details = await reportOf(useCase.execute({ csv: 'userId,name\nx,y' }, admin));
    const issues = (details as { issues: { row: number; field: string }[] }).issues;
    expect(issues.filter((issue) => issue.row === 1).map((issue) => issue.field)).toEqual([
      'email',
      'locale',
      'affiliation',
      'homeProvinceCode',
      'expertiseCategoryIds',
      'role',
    ]);
  });
});
