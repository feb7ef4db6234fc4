/** Stable error codes of authentication and authorization, with their HTTP status. */
export const AUTH_ERROR_STATUS = {
  AUTH_TOKEN_MISSING: 401,
  AUTH_TOKEN_INVALID: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_FORBIDDEN: 403,
} as const;

export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

const DEFAULT_MESSAGES: Record<AuthErrorCode, string> = {
  AUTH_TOKEN_MISSING: 'An access token is required (Authorization: Bearer <token>).',
  AUTH_TOKEN_INVALID: 'The access token is invalid.',
  AUTH_TOKEN_EXPIRED: 'The access token has expired.',
  AUTH_FORBIDDEN: 'You are not allowed to do this.',
};

/**
 * A plain Error, not a Nest HttpException, so use cases can throw it without depending on
 * HTTP; the shared error filter maps any error carrying `code` and `status`. The message is
 * safe to show to clients; the underlying reason, if any, travels in `cause` for the logs.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status: number;

  constructor(
    readonly code: AuthErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = AUTH_ERROR_STATUS[code];
  }
}
