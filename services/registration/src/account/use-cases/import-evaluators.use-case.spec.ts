import type { Connection } from 'mongoose';
import { OutboxNotifier } from '@kipp/messaging';
import { EvaluatorImportInvalidError } from '../account.errors';
import type { AccountRepository } from '../account.repository';
import { AccountFactory, type NewAccount } from '../new-account';
import { PasswordHasher } from '../password-hasher';
import { ImportEvaluatorsUseCase } from './import-evaluators.use-case';
import { authenticatedUser } from '@kipp/testing';

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
  const useCase = new ImportEvaluatorsUseCase(
    accounts as unknown as AccountRepository,
    new AccountFactory(new PasswordHasher()),
    new OutboxNotifier(),
    connection as unknown as Connection,
  );
  return { useCase, written };
}

async function reportOf(promise: Promise<unknown>) {
  const error: unknown = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(EvaluatorImportInvalidError);
  return (error as EvaluatorImportInvalidError).details;
}

describe('ImportEvaluatorsUseCase', () => {
  it('should write every row in one batch with its profile', async () => {
    const { useCase, written } = setUp();
    const csv = `${HEADER}\nte.sari,Prof. Sari,sari@ugm.ac.id,id,UGM,34,health; governance,evaluator\n`;

    const imported = await useCase.execute({ csv }, admin);

    expect(imported).toEqual([expect.objectContaining({ row: 2, userId: 'te.sari' })]);
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

  it('should write nothing and report every bad row, repeated and taken user ids', async () => {
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

  it('should name the columns missing from the header', async () => {
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
