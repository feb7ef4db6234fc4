import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

class UnprocessableError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

/** Also answered for assignments of other evaluators: their existence is not disclosed. */
export class AssignmentNotFoundError extends NotFoundError {
  constructor(assignmentId: string) {
    super('ASSIGNMENT_NOT_FOUND', `assignment ${assignmentId} is not yours or does not exist`, {
      assignmentId,
    });
  }
}

export class AssignmentNotActiveError extends ConflictError {
  constructor(assignmentId: string, status: string) {
    super('ASSIGNMENT_NOT_ACTIVE', `assignment ${assignmentId} is ${status}`, {
      assignmentId,
      status,
    });
  }
}

export class NotAFinalistError extends NotFoundError {
  constructor(proposalId: string) {
    super('FINALIST_NOT_FOUND', `proposal ${proposalId} is not among the current finalists`, {
      proposalId,
    });
  }
}

export class ScoreSheetNotFoundError extends NotFoundError {
  constructor(what: string) {
    super('SCORE_SHEET_NOT_FOUND', `no score sheet yet for ${what}`, { what });
  }
}

export class ScoreSheetRevisionConflictError extends ConflictError {
  constructor(expected: number, current: number) {
    super(
      'SCORE_SHEET_REVISION_CONFLICT',
      `the sheet changed since revision ${expected} (now ${current}); reload it`,
      { expectedRevision: expected, currentRevision: current },
    );
  }
}

export class ScoringClosedError extends ConflictError {
  constructor(stage: string, opensAt: Date | null, closesAt: Date | null) {
    super(
      'SCORING_CLOSED',
      closesAt
        ? `${stage} scoring is open from ${opensAt?.toISOString() ?? 'the start'} until ${closesAt.toISOString()}`
        : `${stage} scoring has no window in the edition's calendar`,
      { stage, opensAt: opensAt?.toISOString() ?? null, deadline: closesAt?.toISOString() ?? null },
    );
  }
}

export class ScoreOutOfScaleError extends UnprocessableError {
  constructor(criteria: readonly string[], min: number, max: number) {
    super('SCORE_OUT_OF_SCALE', `scores must lie between ${min} and ${max}`, {
      criteria,
      min,
      max,
    });
  }
}

export class UnknownCriterionError extends UnprocessableError {
  constructor(criteria: readonly string[]) {
    super('UNKNOWN_CRITERION', `criteria not in the edition's rubric: ${criteria.join(', ')}`, {
      criteria,
    });
  }
}

export class ScoreSheetIncompleteError extends UnprocessableError {
  constructor(unscored: readonly string[], uncommented: readonly string[]) {
    super(
      'SCORE_SHEET_INCOMPLETE',
      'every criterion needs a score and a comment before submitting',
      { unscored, uncommented },
    );
  }
}

export class NotAScorerError extends ForbiddenError {
  constructor() {
    super('NOT_A_SCORER', 'only evaluators see their own scoring progress');
  }
}
