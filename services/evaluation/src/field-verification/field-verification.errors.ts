import { HttpStatus } from '@nestjs/common';
import { DomainError, NotFoundError } from '@kipp/service-kit';

export class FieldVerificationNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('FIELD_VERIFICATION_NOT_FOUND', `field verification ${id} does not exist`, { id });
  }
}

export class FinalistNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('FINALIST_NOT_FOUND', `proposal ${proposalId} is not a current finalist`, {
      proposalId,
    });
  }
}

export class PhotoNotFoundError extends NotFoundError {
  constructor(fileId: string) {
    super('PHOTO_NOT_FOUND', `photo ${fileId} does not exist`, { fileId });
  }
}

export class PhotoMissingError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('PHOTO_FILE_MISSING', 'attach the photo as the multipart field "file"');
  }
}

export class PhotoTooLargeError extends DomainError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
  constructor(sizeBytes: number, maxSizeBytes: number) {
    super('PHOTO_TOO_LARGE', `the photo has ${sizeBytes} bytes; at most ${maxSizeBytes}`, {
      sizeBytes,
      maxSizeBytes,
    });
  }
}

export class PhotoTypeNotAllowedError extends DomainError {
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
  constructor() {
    super('PHOTO_TYPE_NOT_ALLOWED', 'a photo must be a JPEG or PNG image');
  }
}
