import { HttpException, HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthError } from '@kipp/auth';
import { DomainError } from '../errors/domain-errors';
import type { ErrorResponseBody } from './error-response';

export interface DescribedError {
  readonly status: number;
  readonly body: ErrorResponseBody;
  /** Set for server faults: the error must be logged with this id and its stack. */
  readonly errorId?: string;
}

const INTERNAL_MESSAGE = 'An unexpected error occurred';

/**
 * Maps anything thrown while handling a request to its HTTP answer. Only messages known
 * to be safe reach the client: DomainError and AuthError messages, Nest HttpException
 * messages below 500 and errors that Node's HTTP stack marks as exposable; anything else
 * is a 500 that says nothing but an errorId.
 */
export function describeError(exception: unknown): DescribedError {
  if (exception instanceof DomainError) {
    if (exception.status >= 500) {
      return serverFault(exception.status, exception.code);
    }
    const error = { code: exception.code, message: exception.message };
    return {
      status: exception.status,
      body: { error: exception.details ? { ...error, details: { ...exception.details } } : error },
    };
  }
  if (exception instanceof AuthError) {
    // 401/403 from token verification and scope checks; their messages are written for callers.
    return {
      status: exception.status,
      body: { error: { code: exception.code, message: exception.message } },
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status >= 500) {
      return serverFault(status, codeOfStatus(status));
    }
    return { status, body: { error: { code: codeOfStatus(status), message: exception.message } } };
  }
  if (isExposedClientError(exception)) {
    // body-parser and friends (http-errors): oversized bodies, bad encodings and the like.
    const code =
      exception.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : codeOfStatus(exception.status);
    return { status: exception.status, body: { error: { code, message: exception.message } } };
  }
  return serverFault(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL');
}

function serverFault(status: number, code: string): DescribedError {
  const errorId = randomUUID();
  const publicCode = status === 500 ? 'INTERNAL' : code;
  return {
    status,
    errorId,
    body: { error: { code: publicCode, message: INTERNAL_MESSAGE, errorId } },
  };
}

/** `413` → `PAYLOAD_TOO_LARGE`, from Nest's HttpStatus names. */
function codeOfStatus(status: number): string {
  const name: unknown = HttpStatus[status];
  return typeof name === 'string' ? name : `HTTP_${status}`;
}

interface ExposedClientError extends Error {
  readonly status: number;
  readonly expose: true;
  readonly type?: string;
}

function isExposedClientError(value: unknown): value is ExposedClientError {
  if (!(value instanceof Error)) {
    return false;
  }
  const { status, expose } = value as Partial<ExposedClientError>;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}
