import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

export class UserIdTakenError extends ConflictError {
  constructor(userId: string) {
    super('USER_ID_TAKEN', `the user id ${userId} is taken`, { userId });
  }
}

export class AccountNotFoundError extends NotFoundError {
  constructor(accountId: string) {
    super('ACCOUNT_NOT_FOUND', `account ${accountId} does not exist`, { accountId });
  }
}

/** Nobody changes their own roles, status or password through administration. */
export class SelfChangeForbiddenError extends ForbiddenError {
  constructor() {
    super('SELF_CHANGE_FORBIDDEN', 'you cannot change your own account this way');
  }
}

/** The caller's role does not allow this kind of account (e.g. a local admin creating an evaluator). */
export class RoleNotAssignableError extends ForbiddenError {
  constructor(role: string) {
    super('ROLE_NOT_ASSIGNABLE', `you may not give the role ${role}`, { role });
  }
}

export class RoleAlreadyGrantedError extends ConflictError {
  constructor(role: string) {
    super('ROLE_ALREADY_GRANTED', `the account already has the role ${role}`, { role });
  }
}

export class AccountInstitutionMismatchError extends ConflictError {
  constructor() {
    super(
      'ACCOUNT_INSTITUTION_MISMATCH',
      'the account belongs to another institution than the one given',
    );
  }
}

export class AccountAlreadyInStatusError extends ConflictError {
  constructor(status: string) {
    super('ACCOUNT_ALREADY_IN_STATUS', `the account is ${status} already`, { status });
  }
}

export interface ImportRowIssue {
  row: number;
  field: string;
  message: string;
}

/** 422: the import was refused as a whole; nothing was written. */
export class EvaluatorImportInvalidError extends DomainError {
  readonly status = 422;
  constructor(issues: readonly ImportRowIssue[], rows: number) {
    super('IMPORT_INVALID', `${issues.length} problem(s) in the import; nothing was imported`, {
      rows,
      issues,
    });
  }
}
