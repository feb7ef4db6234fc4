import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class IdempotencyKeyRequiredError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor() {
    super(
      'IDEMPOTENCY_KEY_REQUIRED',
      'An Idempotency-Key header (1–200 visible characters) is required to send a broadcast',
    );
  }
}

export class IdempotencyKeyReusedError extends ConflictError {
  constructor(broadcastId: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used for a different broadcast',
      { broadcastId },
    );
  }
}

export class AudienceEmptyError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor() {
    super('AUDIENCE_EMPTY', 'The audience matches no active account; nothing was sent');
  }
}

export class BroadcastNotFoundError extends NotFoundError {
  constructor(broadcastId: string) {
    super('BROADCAST_NOT_FOUND', `Broadcast ${broadcastId} was not found`, { broadcastId });
  }
}
