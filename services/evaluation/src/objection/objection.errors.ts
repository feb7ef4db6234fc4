import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class ObjectionNotFoundError extends NotFoundError {
  constructor(objectionId: string) {
    super('OBJECTION_NOT_FOUND', `objection ${objectionId} does not exist`, { objectionId });
  }
}

export class ObjectionEvidenceNotFoundError extends NotFoundError {
  constructor(objectionId: string, fileId: string) {
    super('OBJECTION_EVIDENCE_NOT_FOUND', `objection ${objectionId} has no file ${fileId}`, {
      objectionId,
      fileId,
    });
  }
}

export class NotAFinalistError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_A_FINALIST', `proposal ${proposalId} is not a current finalist`, {
      proposalId,
    });
  }
}

export interface ObjectionWindowInWib {
  startsAt: string;
  endsAt: string;
}

export class ObjectionWindowClosedError extends ConflictError {
  constructor(editionId: string, window: ObjectionWindowInWib | null) {
    super(
      'OBJECTION_WINDOW_CLOSED',
      window
        ? `objections are accepted from ${window.startsAt} to ${window.endsAt} (WIB)`
        : 'this edition has no objection period',
      { editionId, window },
    );
  }
}

export class ObjectionAlreadyResolvedError extends ConflictError {
  constructor(objectionId: string) {
    super('OBJECTION_ALREADY_RESOLVED', `objection ${objectionId} is resolved already`, {
      objectionId,
    });
  }
}

export class ObjectionRateLimitedError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;

  constructor(retryAfterSeconds: number) {
    super('OBJECTION_RATE_LIMITED', 'too many objections from this address; try again later', {
      retryAfterSeconds,
    });
  }
}

export class UnsupportedEvidenceTypeError extends DomainError {
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;

  constructor(filename: string) {
    super('UNSUPPORTED_EVIDENCE_TYPE', `${filename} is not a PDF, JPEG or PNG file`, {
      filename,
      allowed: ['application/pdf', 'image/jpeg', 'image/png'],
    });
  }
}
