/** The platform's error body: `{ "error": { "code", "message", "details"? } }`. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details?: unknown };
}

/** Codes the client itself gives when no error body came back. */
export const CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  unexpected: 'UNEXPECTED_RESPONSE',
  aborted: 'REQUEST_ABORTED',
} as const;

/** A failed call: its HTTP status (0 when nothing answered), stable code and request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    details?: unknown;
    requestId: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

/** Turns a non-2xx answer into an ApiError, whatever its body. */
export function errorFromResponse(
  status: number,
  text: string,
  requestId: string | null,
): ApiError {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (isErrorBody(parsed)) {
    return new ApiError({
      status,
      code: parsed.error.code,
      message: parsed.error.message,
      details: parsed.error.details,
      requestId,
    });
  }
  return new ApiError({
    status,
    code: status === 0 ? CLIENT_ERROR_CODES.network : CLIENT_ERROR_CODES.unexpected,
    message: `HTTP ${status}`,
    requestId,
  });
}
