import { ConflictError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

export class AssignmentNotFoundError extends NotFoundError {
  constructor(assignmentId: string) {
    super('ASSIGNMENT_NOT_FOUND', `assignment ${assignmentId} does not exist`, { assignmentId });
  }
}

/** Someone other than the assigned evaluator tried to act on an assignment. */
export class NotYourAssignmentError extends ForbiddenError {
  constructor(assignmentId: string) {
    super('NOT_YOUR_ASSIGNMENT', `assignment ${assignmentId} is not yours`, { assignmentId });
  }
}

export class AssignmentNotActiveError extends ConflictError {
  constructor(assignmentId: string, status: string) {
    super('ASSIGNMENT_NOT_ACTIVE', `assignment ${assignmentId} is ${status}, not active`, {
      assignmentId,
      status,
    });
  }
}

export class AssignmentAlreadyScoredError extends ConflictError {
  constructor(assignmentId: string) {
    super('ASSIGNMENT_ALREADY_SCORED', `assignment ${assignmentId} already has a submitted score`, {
      assignmentId,
    });
  }
}

/** A pair the run wanted was created meanwhile (an extra evaluator); running again settles it. */
export class AssignmentsChangedDuringRunError extends ConflictError {
  constructor(editionId: string) {
    super(
      'ASSIGNMENTS_CHANGED_DURING_RUN',
      `assignments of edition ${editionId} changed while the run was solving; run it again`,
      { editionId },
    );
  }
}

// The edition errors are the same everywhere in the service.
export {
  EditionNotFoundError,
  EditionNotConfiguredForEvaluationError,
} from '../edition/edition.errors';
