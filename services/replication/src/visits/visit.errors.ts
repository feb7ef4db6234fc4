import { DomainError, NotFoundError } from '@kipp/service-kit';
import { HttpStatus } from '@nestjs/common';

export class VisitNotFoundError extends NotFoundError {
  constructor(visitId: string) {
    super('VISIT_NOT_FOUND', `visit ${visitId} does not exist`, { visitId });
  }
}

export class VisitInnovationNotFoundError extends NotFoundError {
  constructor(innovationId: string) {
    super('INNOVATION_NOT_FOUND', `innovation ${innovationId} does not exist`, { innovationId });
  }
}

export class VisitorInstitutionUnknownError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(institutionId: string) {
    super('VISITOR_INSTITUTION_UNKNOWN', `institution ${institutionId} is not registered`, {
      institutionId,
    });
  }
}

export class SelfVisitError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(institutionId: string) {
    super('VISIT_BY_ORIGIN', 'an institution cannot record a visit to its own innovation', {
      institutionId,
    });
  }
}

export class VisitInFutureError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(visitedOn: string) {
    super('VISIT_IN_FUTURE', `a visit on ${visitedOn} has not happened yet`, { visitedOn });
  }
}
