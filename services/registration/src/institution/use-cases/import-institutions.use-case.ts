import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ClientSession, Connection } from 'mongoose';
import { z } from 'zod';
import { INSTITUTION_TYPES, InstitutionRegisteredV1 } from '@kipp/contracts';
import type { AuthenticatedUser } from '@kipp/auth';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../../csv/csv-reader';
import { ImportJobRunner, type StartedImport } from '../../import-job/import-job.runner';
import {
  InstitutionImportInvalidError,
  type ImportReport,
  type ImportRowError,
} from '../institution.errors';
import { InstitutionRepository, type NewInstitution } from '../institution.repository';
import { RegionCatalogue } from '../region-catalogue';
import {
  registerInstitutionSchema,
  type RegisterInstitutionInput,
} from './register-institution.use-case';

/** Around 1 MB of text: a few thousand institutions never come near it. */
export const MAX_IMPORT_CHARS = 1_000_000;
export const MAX_IMPORT_ROWS = 5_000;
/** Rows inserted per round trip inside the transaction; progress is reported after each. */
const INSERT_BATCH = 100;

export const importInstitutionsSchema = z.strictObject({
  /** The CSV file's text: header `code,name,type,provinceCode,disadvantaged`. */
  csv: z.string().min(1).max(MAX_IMPORT_CHARS),
});

export type ImportInstitutionsInput = z.infer<typeof importInstitutionsSchema>;

const COLUMNS = ['code', 'name', 'type', 'provinceCode', 'disadvantaged'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['code', 'name', 'type'];

const TRUE_WORDS = new Set(['true', '1', 'yes', 'ya', 'y']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'tidak', 'n', '']);

interface ValidRow {
  row: number;
  institution: RegisterInstitutionInput;
}

/**
 * Imports institutions from a CSV file, all or nothing: every row is checked first and
 * any problem answers 422 with a report per row and column, writing nothing; a clean file
 * is written in the background in one transaction, each institution with its registered
 * event, its progress on an import job.
 */
@Injectable()
export class ImportInstitutionsUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly regions: RegionCatalogue,
    private readonly outbox: OutboxNotifier,
    private readonly runner: ImportJobRunner,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(input: ImportInstitutionsInput, actor: AuthenticatedUser): Promise<StartedImport> {
    const { rows, valid, errors } = this.validate(input.csv);
    if (errors.length > 0) throw new InstitutionImportInvalidError({ rows, errors });
    const takenErrors = await this.takenCodes(valid);
    if (takenErrors.length > 0)
      throw new InstitutionImportInvalidError({ rows, errors: takenErrors });

    return this.runner.start('institutions', rows, actor, async (progress) => {
      const registeredAt = new Date();
      const prepared = valid.map(({ institution }) => this.toNew(institution, actor, registeredAt));
      await runInTransaction(this.connection, async (session) => {
        // Checked again inside the transaction, so a code registered meanwhile cannot slip in.
        const takenMeanwhile = await this.takenCodes(valid, session);
        if (takenMeanwhile.length > 0) {
          throw new InstitutionImportInvalidError({ rows, errors: takenMeanwhile });
        }
        for (let start = 0; start < prepared.length; start += INSERT_BATCH) {
          const batch = prepared.slice(start, start + INSERT_BATCH);
          await this.institutions.insertAll(batch, session);
          await progress(start + batch.length);
        }
      });
      this.outbox.nudge();
      const report: ImportReport = { rows, errors: [] };
      return { result: { ...report } };
    });
  }

  private async takenCodes(valid: readonly ValidRow[], session?: ClientSession) {
    const taken = await this.institutions.findExistingCodes(
      valid.map(({ institution }) => institution.code),
      session,
    );
    return valid
      .filter(({ institution }) => taken.has(institution.code))
      .map(({ row, institution }): ImportRowError => ({
        row,
        column: 'code',
        code: 'CODE_TAKEN',
        message: `an institution with code ${institution.code} is already registered`,
      }));
  }

  private validate(csv: string): { rows: number; valid: ValidRow[]; errors: ImportRowError[] } {
    let records: CsvRecord[];
    try {
      records = parseCsv(csv);
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return {
        rows: 0,
        valid: [],
        errors: [{ row: error.line, column: null, code: 'CSV_SYNTAX', message: error.message }],
      };
    }
    const [header, ...data] = records;
    if (!header) {
      return {
        rows: 0,
        valid: [],
        errors: [{ row: 1, column: null, code: 'NO_ROWS', message: 'the file is empty' }],
      };
    }
    const errors = this.checkHeader(header);
    if (errors.length > 0) return { rows: data.length, valid: [], errors };
    if (data.length === 0) {
      errors.push({ row: 1, column: null, code: 'NO_ROWS', message: 'the file has no data rows' });
    }
    if (data.length > MAX_IMPORT_ROWS) {
      errors.push({
        row: 1,
        column: null,
        code: 'TOO_MANY_ROWS',
        message: `at most ${MAX_IMPORT_ROWS} rows per file; split it`,
      });
      return { rows: data.length, valid: [], errors };
    }

    const columns = header.cells.map((cell) => cell.trim() as Column);
    const valid: ValidRow[] = [];
    const firstRowOfCode = new Map<string, number>();
    for (const record of data) {
      if (record.cells.length !== columns.length) {
        errors.push({
          row: record.line,
          column: null,
          code: 'WRONG_CELL_COUNT',
          message: `expected ${columns.length} cells, found ${record.cells.length}`,
        });
        continue;
      }
      const cells = new Map(columns.map((column, i) => [column, record.cells[i]?.trim() ?? '']));
      const rowErrors = this.checkRow(record.line, cells);
      const code = cells.get('code') ?? '';
      const first = firstRowOfCode.get(code);
      if (code !== '' && first !== undefined) {
        rowErrors.push({
          row: record.line,
          column: 'code',
          code: 'DUPLICATE_IN_FILE',
          message: `code ${code} appears already in row ${first}`,
        });
      } else if (code !== '') {
        firstRowOfCode.set(code, record.line);
      }
      if (rowErrors.length > 0) {
        errors.push(...rowErrors);
        continue;
      }
      valid.push({
        row: record.line,
        institution: registerInstitutionSchema.parse({
          code,
          name: cells.get('name'),
          type: cells.get('type'),
          provinceCode: cells.get('provinceCode') || null,
          disadvantaged: TRUE_WORDS.has((cells.get('disadvantaged') ?? '').toLowerCase()),
        }),
      });
    }
    return { rows: data.length, valid, errors };
  }

  private checkHeader(header: CsvRecord): ImportRowError[] {
    const errors: ImportRowError[] = [];
    const seen = new Set<string>();
    for (const raw of header.cells) {
      const column = raw.trim();
      if (!(COLUMNS as readonly string[]).includes(column)) {
        errors.push({
          row: header.line,
          column,
          code: 'UNKNOWN_COLUMN',
          message: `unknown column "${column}"; the columns are ${COLUMNS.join(', ')}`,
        });
      } else if (seen.has(column)) {
        errors.push({
          row: header.line,
          column,
          code: 'DUPLICATE_COLUMN',
          message: `column ${column} appears twice`,
        });
      }
      seen.add(column);
    }
    for (const column of REQUIRED_COLUMNS) {
      if (!seen.has(column)) {
        errors.push({
          row: header.line,
          column,
          code: 'MISSING_COLUMN',
          message: `the header lacks the column ${column}`,
        });
      }
    }
    return errors;
  }

  private checkRow(row: number, cells: ReadonlyMap<Column, string>): ImportRowError[] {
    const errors: ImportRowError[] = [];
    const fail = (column: Column, code: Uppercase<string>, message: string): void => {
      errors.push({ row, column, code, message });
    };
    const fields = registerInstitutionSchema.shape;
    for (const column of ['code', 'name'] as const) {
      const value = cells.get(column) ?? '';
      if (value === '') {
        fail(column, 'REQUIRED', `${column} is required`);
        continue;
      }
      const parsed = fields[column].safeParse(value);
      if (!parsed.success) {
        fail(column, 'INVALID_VALUE', parsed.error.issues.map((issue) => issue.message).join('; '));
      }
    }
    const type = cells.get('type') ?? '';
    if (type === '') fail('type', 'REQUIRED', 'type is required');
    else if (!(INSTITUTION_TYPES as readonly string[]).includes(type)) {
      fail('type', 'INVALID_VALUE', `type must be one of ${INSTITUTION_TYPES.join(', ')}`);
    }
    const provinceCode = cells.get('provinceCode') ?? '';
    if (provinceCode !== '' && !this.regions.isProvinceCode(provinceCode)) {
      fail('provinceCode', 'UNKNOWN_PROVINCE', `there is no province with code ${provinceCode}`);
    }
    const disadvantaged = (cells.get('disadvantaged') ?? '').toLowerCase();
    if (!TRUE_WORDS.has(disadvantaged) && !FALSE_WORDS.has(disadvantaged)) {
      fail('disadvantaged', 'INVALID_VALUE', 'disadvantaged must be true or false (or empty)');
    }
    return errors;
  }

  private toNew(input: RegisterInstitutionInput, actor: AuthenticatedUser, registeredAt: Date) {
    const institutionId = `inst_${randomUUID()}`;
    const institution: NewInstitution = {
      _id: institutionId,
      ...input,
      registeredBy: actor.accountId,
      revision: 1,
      history: [
        { at: registeredAt, by: actor.accountId, action: 'registered', revision: 1, changes: [] },
      ],
    };
    const event = createEvent(InstitutionRegisteredV1, {
      institutionId,
      ...input,
      registeredAt: registeredAt.toISOString(),
    });
    return { institution, events: [event] };
  }
}
