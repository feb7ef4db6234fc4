import { ConflictError, NotFoundError } from '@kipp/service-kit';

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
