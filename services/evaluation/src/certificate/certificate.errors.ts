import { HttpStatus } from '@nestjs/common';
import { DomainError, NotFoundError } from '@kipp/service-kit';

/** Also for a certificate the caller may not see, so its existence is not revealed. */
export class CertificateNotFoundError extends NotFoundError {
  constructor() {
    super('CERTIFICATE_NOT_FOUND', 'no such certificate');
  }
}

export class VerifyRateLimitedError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
  constructor(readonly retryAfterSeconds: number) {
    super('VERIFY_RATE_LIMITED', 'too many verifications from this address; try again later', {
      retryAfterSeconds,
    });
  }
}
