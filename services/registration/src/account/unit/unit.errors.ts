import { ConflictError, NotFoundError } from '@kipp/service-kit';

export class UnitNameTakenError extends ConflictError {
  constructor(name: string) {
    super('UNIT_NAME_TAKEN', `the institution has a unit named ${name} already`, { name });
  }
}

export class UnitNotFoundError extends NotFoundError {
  constructor(unitId: string) {
    super('UNIT_NOT_FOUND', `unit ${unitId} does not exist in this institution`, { unitId });
  }
}
