import { ConflictError, NotFoundError } from '@kipp/service-kit';

export class CheckInNotFoundError extends NotFoundError {
  constructor(checkInId: string) {
    super('CHECK_IN_NOT_FOUND', `check-in ${checkInId} does not exist`, { checkInId });
  }
}

export class CheckInInnovationNotFoundError extends NotFoundError {
  constructor(innovationId: string) {
    super('INNOVATION_NOT_FOUND', `innovation ${innovationId} does not exist`, { innovationId });
  }
}

export class CheckInAnsweredError extends ConflictError {
  constructor(checkInId: string) {
    super('CHECK_IN_ANSWERED', `check-in ${checkInId} was answered already`, { checkInId });
  }
}
