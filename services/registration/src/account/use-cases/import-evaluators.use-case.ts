import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { EvaluatorImportInvalidError, type ImportRowIssue } from '../account.errors';
import { AccountRepository } from '../account.repository';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../../csv/csv-reader';
import { ImportJobRunner, type StartedImport } from '../../import-job/import-job.runner';
import {
  AccountFactory,
  reviewerAccountSchema,
  type NewAccountInput,
  type PreparedAccount,
} from '../new-account';

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5_000;
export const IMPORT_COLUMNS = [
  'userId',
  'name',
  'email',
  'locale',
  'affiliation',
  'homeProvinceCode',
  'expertiseCategoryIds',
  'role',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export const importEvaluatorsSchema = z.strictObject({
  csv: z
    .string()
    .min(1)
    .refine((csv) => Buffer.byteLength(csv, 'utf8') <= MAX_IMPORT_BYTES, 'at most 2 MB'),
});
export type ImportEvaluatorsInput = z.infer<typeof importEvaluatorsSchema>;

export interface ImportedAccount {
  /** The line of the file, counting the header as line 1. */
  row: number;
  accountId: string;
  userId: string;
  /** Shown once, to the national admin who imported. */
  initialPassword: string;
}

/** Where a field of the parsed account came from in the file. */
const COLUMN_OF_PATH: Record<string, Column> = {
  'reviewerProfile.affiliation': 'affiliation',
  'reviewerProfile.homeProvinceCode': 'homeProvinceCode',
  'reviewerProfile.expertiseCategoryIds': 'expertiseCategoryIds',
};

/**
 * Imports evaluator and panelist accounts from CSV, all or nothing: every row is checked
 * first and any problem refuses the whole file with a report per row; otherwise, in the
 * background, each row gets its first password (hashing is the slow part, so it is what
 * progress counts) and every account, each with its `account.created` event, is written in
 * one transaction. The first passwords are the job's one-time result.
 */
@Injectable()
export class ImportEvaluatorsUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly factory: AccountFactory,
    private readonly outbox: OutboxNotifier,
    private readonly runner: ImportJobRunner,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(input: ImportEvaluatorsInput, actor: AuthenticatedUser): Promise<StartedImport> {
    const rows = await this.validate(input.csv);
    return this.runner.start('evaluators', rows.length, actor, async (progress) => {
      const at = new Date();
      const prepared: (PreparedAccount & { row: number })[] = [];
      for (const { row, account } of rows) {
        prepared.push({ row, ...(await this.factory.prepare(account, actor, at)) });
        await progress(prepared.length);
      }
      await runInTransaction(this.connection, (session) =>
        this.accounts.insertAll(
          prepared.map((entry) => entry.account),
          session,
        ),
      );
      this.outbox.nudge();
      const accounts: ImportedAccount[] = prepared.map(({ row, account, initialPassword }) => ({
        row,
        accountId: account._id,
        userId: account.userId,
        initialPassword,
      }));
      return {
        result: {
          imported: accounts.length,
          accounts: accounts.map(({ initialPassword: _shownOnce, ...kept }) => kept),
        },
        revealOnce: { imported: accounts.length, accounts },
      };
    });
  }

  private async validate(csv: string): Promise<{ row: number; account: NewAccountInput }[]> {
    let records: CsvRecord[];
    try {
      records = parseCsv(csv);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      // Row 0: a problem of the file as a whole, as this report has always numbered it.
      throw new EvaluatorImportInvalidError([{ row: 0, field: '', message: error.message }], 0);
    }
    const [header = [], ...body] = records.map((record) => record.cells);
    const columns = header.map((name) => name.trim());
    const missing = IMPORT_COLUMNS.filter((column) => !columns.includes(column));
    if (missing.length > 0) {
      throw new EvaluatorImportInvalidError(
        missing.map((column) => ({
          row: 1,
          field: column,
          message: 'column missing from the header',
        })),
        body.length,
      );
    }
    if (body.length === 0 || body.length > MAX_IMPORT_ROWS) {
      throw new EvaluatorImportInvalidError(
        [{ row: 0, field: '', message: `between 1 and ${MAX_IMPORT_ROWS} rows` }],
        body.length,
      );
    }

    const issues: ImportRowIssue[] = [];
    const valid: { row: number; account: NewAccountInput }[] = [];
    const rowOfUserId = new Map<string, number>();
    body.forEach((cells, index) => {
      const row = index + 2;
      const cell = (column: Column): string => (cells[columns.indexOf(column)] ?? '').trim();
      const parsed = reviewerAccountSchema.safeParse({
        userId: cell('userId'),
        name: cell('name'),
        email: cell('email'),
        locale: cell('locale') || undefined,
        role: cell('role'),
        reviewerProfile: {
          affiliation: cell('affiliation'),
          homeProvinceCode: cell('homeProvinceCode') || null,
          expertiseCategoryIds: cell('expertiseCategoryIds')
            .split(';')
            .map((id) => id.trim())
            .filter((id) => id !== ''),
        },
      });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.map(String).join('.');
          issues.push({
            row,
            field: COLUMN_OF_PATH[path] ?? path.split('.')[0] ?? '',
            message: issue.message,
          });
        }
        return;
      }
      const earlier = rowOfUserId.get(parsed.data.userId);
      if (earlier !== undefined) {
        issues.push({ row, field: 'userId', message: `repeats the user id of row ${earlier}` });
        return;
      }
      rowOfUserId.set(parsed.data.userId, row);
      valid.push({ row, account: parsed.data });
    });

    const taken = await this.accounts.existingUserIds([...rowOfUserId.keys()]);
    for (const userId of taken) {
      issues.push({
        row: rowOfUserId.get(userId) ?? 0,
        field: 'userId',
        message: 'the user id is taken',
      });
    }
    if (issues.length > 0) {
      throw new EvaluatorImportInvalidError(
        issues.sort((a, b) => a.row - b.row),
        body.length,
      );
    }
    return valid;
  }
}
