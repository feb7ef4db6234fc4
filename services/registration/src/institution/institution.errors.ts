import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class InstitutionCodeTakenError extends ConflictError {
  constructor(code: string) {
    super('INSTITUTION_CODE_TAKEN', `an institution with code ${code} is already registered`, {
      code,
    });
  }
}

export class InstitutionNotFoundError extends NotFoundError {
  constructor(institutionId: string) {
    super('INSTITUTION_NOT_FOUND', `institution ${institutionId} does not exist`, {
      institutionId,
    });
  }
}

/** Someone else changed the institution since the caller read it. */
export class InstitutionRevisionStaleError extends ConflictError {
  constructor(institutionId: string, expected: number, current: number) {
    super(
      'INSTITUTION_REVISION_STALE',
      `institution ${institutionId} is at revision ${current}, not ${expected}; reload it and retry`,
      { institutionId, expectedRevision: expected, currentRevision: current },
    );
  }
}

export class UnknownProvinceError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(provinceCode: string) {
    super('INSTITUTION_PROVINCE_UNKNOWN', `there is no province with code ${provinceCode}`, {
      provinceCode,
    });
  }
}

export interface ImportRowError {
  /** Line of the CSV file, as a spreadsheet numbers it (the header is row 1). */
  row: number;
  /** The column at fault, or null when the row as a whole is (e.g. too many cells). */
  column: string | null;
  code: Uppercase<string>;
  message: string;
}

export interface ImportReport {
  /** Data rows in the file (the header not counted). */
  rows: number;
  errors: ImportRowError[];
}

/** 422 with the row-level report: at least one row is invalid, so nothing was written. */
export class InstitutionImportInvalidError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(readonly report: ImportReport) {
    super(
      'INSTITUTION_IMPORT_INVALID',
      `${report.errors.length} problem(s) in the file; nothing was imported`,
      { ...report },
    );
  }
}
