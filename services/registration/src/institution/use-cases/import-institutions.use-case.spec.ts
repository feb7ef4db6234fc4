import type { Connection } from 'mongoose';
import { OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import type { InstitutionRepository, NewInstitution } from '../institution.repository';
import { RegionCatalogue } from '../region-catalogue';
import { ImportInstitutionsUseCase } from './import-institutions.use-case';
import { authenticatedUser } from '@kipp/testing';
import { inMemoryImportJobRunner } from '../../import-job/testing/in-memory-import-jobs';

const admin = authenticatedUser(['national_admin'], { accountId: 'acct_admin' });

class InMemoryInstitutions {
  readonly written: { institution: NewInstitution; events: readonly PendingEvent[] }[] = [];
  constructor(private readonly taken: readonly string[] = []) {}

  findExistingCodes(codes: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(codes.filter((code) => this.taken.includes(code))));
  }

  insertAll(items: readonly { institution: NewInstitution; events: readonly PendingEvent[] }[]) {
    this.written.push(...items);
    return Promise.resolve();
  }
}

// Runs the work directly: the transaction itself is the database's business.
const connection = {
  transaction: (fn: (session: unknown) => Promise<unknown>) => fn({}),
} as unknown as Connection;

function setUp(taken: readonly string[] = []) {
  const institutions = new InMemoryInstitutions(taken);
  const { jobs, runner } = inMemoryImportJobRunner();
  const useCase = new ImportInstitutionsUseCase(
    institutions as unknown as InstitutionRepository,
    new RegionCatalogue(),
    new OutboxNotifier(),
    runner,
    connection,
  );
  return { institutions, useCase, jobs, runner };
}

const header = 'code,name,type,provinceCode,disadvantaged';

describe('ImportInstitutionsUseCase', () => {
  it('should write every row, each with its own registered event, when the file is valid', async () => {
    const { institutions, useCase, jobs, runner } = setUp();
    const started = await useCase.execute(
      { csv: `${header}\nBUMN-1,PT Satu,bumn,,false\nBUMD-2,PD Dua,bumd,33,ya\n` },
      admin,
    );
    expect(started).toEqual({
      importId: expect.any(String) as unknown,
      status: 'applying',
      total: 2,
      processed: 0,
    });
    await runner.whenIdle();
    expect(jobs.jobs.get(started.importId)).toMatchObject({
      kind: 'institutions',
      status: 'done',
      processed: 2,
      createdBy: 'acct_admin',
      result: { rows: 2, errors: [] },
    });
    expect(institutions.written.map((w) => w.institution)).toEqual([
      expect.objectContaining({ code: 'BUMN-1', provinceCode: null, disadvantaged: false }),
      expect.objectContaining({ code: 'BUMD-2', provinceCode: '33', disadvantaged: true }),
    ]);
    expect(institutions.written.every((w) => w.events.length === 1)).toBe(true);
  });

  it('should write nothing and report every bad cell by row and column when any row is invalid', async () => {
    const { institutions, useCase } = setUp();
    const csv = [
      header,
      'OK-1,PT Baik,bumn,,',
      ',PT Tanpa Kode,bumn,,',
      'OK-3,PT Buruk,desa,99,mungkin',
      'OK-1,PT Kembar,bumn,,',
      'OK-5,PT Pendek',
    ].join('\n');

    await expect(useCase.execute({ csv }, admin)).rejects.toMatchObject({
      code: 'INSTITUTION_IMPORT_INVALID',
      status: 422,
      report: {
        rows: 5,
        errors: [
          expect.objectContaining({ row: 3, column: 'code', code: 'REQUIRED' }),
          expect.objectContaining({ row: 4, column: 'type', code: 'INVALID_VALUE' }),
          expect.objectContaining({ row: 4, column: 'provinceCode', code: 'UNKNOWN_PROVINCE' }),
          expect.objectContaining({ row: 4, column: 'disadvantaged', code: 'INVALID_VALUE' }),
          expect.objectContaining({ row: 5, column: 'code', code: 'DUPLICATE_IN_FILE' }),
          expect.objectContaining({ row: 6, column: null, code: 'WRONG_CELL_COUNT' }),
        ],
      },
    });
    expect(institutions.written).toHaveLength(0);
  });

  it('should refuse the whole file when a code is registered already', async () => {
    const { institutions, useCase } = setUp(['32.73']);
    await expect(
      useCase.execute(
        { csv: `${header}\nNEW-1,PT Baru,bumn,,\n32.73,Kota Bandung,city,32,` },
        admin,
      ),
    ).rejects.toMatchObject({
      report: { errors: [expect.objectContaining({ row: 3, column: 'code', code: 'CODE_TAKEN' })] },
    });
    expect(institutions.written).toHaveLength(0);
  });

  it('should show progress every hundred rows while applying when the file is long', async () => {
    const { institutions, useCase, jobs, runner } = setUp();
    const rows = Array.from({ length: 250 }, (_, i) => `BUMN-${i},PT Nomor ${i},bumn,,`);
    const { importId } = await useCase.execute({ csv: [header, ...rows].join('\n') }, admin);
    await runner.whenIdle();

    expect(jobs.seen.filter((seen) => seen.importId === importId)).toEqual([
      { importId, status: 'applying', processed: 0 },
      { importId, status: 'applying', processed: 100 },
      { importId, status: 'applying', processed: 200 },
      { importId, status: 'applying', processed: 250 },
      { importId, status: 'done', processed: 250 },
    ]);
    expect(institutions.written).toHaveLength(250);
  });

  it('should fail the job with the report and write nothing when a code is registered while it waits', async () => {
    const { institutions, useCase, jobs, runner } = setUp();
    // Free when the file is checked, taken by the time the transaction looks again.
    let checks = 0;
    institutions.findExistingCodes = (codes) =>
      Promise.resolve(new Set((checks += 1) > 1 ? codes : []));
    const { importId } = await useCase.execute({ csv: `${header}\nNEW-1,PT Baru,bumn,,` }, admin);
    await runner.whenIdle();

    expect(jobs.jobs.get(importId)).toMatchObject({
      status: 'failed',
      errorCode: 'INSTITUTION_IMPORT_INVALID',
      report: { rows: 1, errors: [expect.objectContaining({ row: 2, code: 'CODE_TAKEN' })] },
    });
    expect(institutions.written).toHaveLength(0);
  });

  it('should name unknown and missing columns in the header', async () => {
    const { useCase } = setUp();
    const error = (await useCase
      .execute({ csv: 'code,nama\nX,Y' }, admin)
      .catch((e: unknown) => e)) as { report: { errors: unknown[] } };
    expect(error.report.errors).toEqual([
      expect.objectContaining({ row: 1, column: 'nama', code: 'UNKNOWN_COLUMN' }),
      expect.objectContaining({ row: 1, column: 'name', code: 'MISSING_COLUMN' }),
      expect.objectContaining({ row: 1, column: 'type', code: 'MISSING_COLUMN' }),
    ]);
  });
});
