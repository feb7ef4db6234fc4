import { HttpStatus } from '@nestjs/common';

/** A stable, machine-readable error code such as `PROPOSAL_NOT_FOUND`. */
export type ErrorCode = Uppercase<string>;

export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * An expected failure with a stable code that clients can rely on. The HTTP error filter
 * answers it with `status` and `{ error: { code, message, details } }`, so the message
 * and details must be safe to show to the caller. Services extend the subclasses below,
 * e.g. `class ProposalNotFoundError extends NotFoundError`.
 */
export abstract class DomainError extends Error {
  /** The HTTP status that answers this error. */
  abstract readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** 404: the thing addressed does not exist, or the caller may not know it exists. */
export class NotFoundError extends DomainError {
  readonly status = HttpStatus.NOT_FOUND;
}

/** 409: the request is valid but clashes with the current state (a duplicate, a closed window). */
export class ConflictError extends DomainError {
  readonly status = HttpStatus.CONFLICT;
}

/** 403: the caller is known but not allowed to do this. */
export class ForbiddenError extends DomainError {
  readonly status = HttpStatus.FORBIDDEN;
}

/** 401: the caller is not authenticated. */
export class UnauthorizedError extends DomainError {
  readonly status = HttpStatus.UNAUTHORIZED;
}

/** One reason an input was rejected; `path` is dotted (`sections.0.text`), '' for the root. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** 400 `VALIDATION_FAILED`: the input does not have the required shape or values. */
export class ValidationError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(
    readonly issues: readonly ValidationIssue[],
    message = 'The request is invalid',
  ) {
    super('VALIDATION_FAILED', message, { issues });
  }
}

/** 400 `MALFORMED_JSON`: the body could not be parsed at all. */
export class MalformedJsonError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(options?: ErrorOptions) {
    super('MALFORMED_JSON', 'The request body is not valid JSON', undefined, options);
  }
}
