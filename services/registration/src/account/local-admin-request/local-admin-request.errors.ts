import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class LocalAdminRequestNotFoundError extends NotFoundError {
  constructor(requestId: string) {
    super('REQUEST_NOT_FOUND', `local-admin request ${requestId} does not exist`, { requestId });
  }
}

export class RequestAlreadyDecidedError extends ConflictError {
  constructor(requestId: string, status: string) {
    super('REQUEST_ALREADY_DECIDED', `local-admin request ${requestId} is ${status} already`, {
      requestId,
      status,
    });
  }
}

export class LetterMissingError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('LETTER_MISSING', 'attach the appointment letter as the file field "letter"');
  }
}

export class LetterNotPdfError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('LETTER_NOT_PDF', 'the appointment letter must be a PDF file');
  }
}
