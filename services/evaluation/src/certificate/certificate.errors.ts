import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

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

/** A revoked certificate (superseded or withdrawn) is never rendered again. */
export class CertificateRevokedError extends ConflictError {
  constructor(certificateId: string, reason: string | null) {
    super('CERTIFICATE_REVOKED', `certificate ${certificateId} is revoked`, {
      certificateId,
      reason,
    });
  }
}
