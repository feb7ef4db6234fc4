import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenError, UnauthorizedError } from '@kipp/service-kit';
import type { PasswordRule } from './password-policy';

/** The one answer to every failed sign-in: unknown, deactivated, locked or wrong password. */
export class SignInFailedError extends UnauthorizedError {
  constructor() {
    super('SIGN_IN_FAILED', 'The user id or password is incorrect');
  }
}

export class TooManyAttemptsError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;

  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'Too many attempts; try again later', { retryAfterSeconds });
  }
}

/** A wrong current password when a signed-in person changes theirs; counts towards the lockout. */
export class CurrentPasswordInvalidError extends UnauthorizedError {
  constructor() {
    super('CURRENT_PASSWORD_INVALID', 'The current password is incorrect');
  }
}

export class ChallengeInvalidError extends UnauthorizedError {
  constructor() {
    super('CHALLENGE_INVALID', 'This sign-in step has expired or was already used; sign in again');
  }
}

export class TotpCodeInvalidError extends UnauthorizedError {
  constructor() {
    super('TOTP_CODE_INVALID', 'The authentication code is incorrect or was already used');
  }
}

export class PasswordPolicyError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(readonly rules: readonly PasswordRule[]) {
    super('PASSWORD_POLICY', 'The new password does not meet the password policy', { rules });
  }
}

export class RefreshTokenInvalidError extends UnauthorizedError {
  constructor() {
    super('REFRESH_TOKEN_INVALID', 'The session has ended; sign in again');
  }
}

export class RefreshTokenReusedError extends UnauthorizedError {
  constructor() {
    super(
      'REFRESH_TOKEN_REUSED',
      'This refresh token was already used; the session was ended for safety',
    );
  }
}

export class ResetTokenInvalidError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor() {
    super('RESET_TOKEN_INVALID', 'This password reset link is invalid, expired or already used');
  }
}

/** 400, not 401: the caller is signed in, and a 401 would read as an expired token. */
export class SecondFactorCodeInvalidError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor() {
    super('TOTP_CODE_INVALID', 'The authentication code is incorrect or was already used');
  }
}

export class SecondFactorAlreadyEnabledError extends ConflictError {
  constructor() {
    super('SECOND_FACTOR_ALREADY_ENABLED', 'Two-step verification is already on');
  }
}

export class SecondFactorNotEnabledError extends ConflictError {
  constructor() {
    super('SECOND_FACTOR_NOT_ENABLED', 'Two-step verification is not on');
  }
}

export class NoPendingSecondFactorError extends ConflictError {
  constructor() {
    super(
      'NO_PENDING_SECOND_FACTOR',
      'There is no secret waiting for confirmation; start the set-up again',
    );
  }
}

export class SecondFactorRequiredError extends ForbiddenError {
  constructor() {
    super('SECOND_FACTOR_REQUIRED', 'Two-step verification is required for your role');
  }
}
