import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '@kipp/service-kit';
import type { Confirmation, ReplicationLinkStatus } from './replication-link.schema';

export class InnovationNotFoundError extends NotFoundError {
  constructor(innovationId: string) {
    super('INNOVATION_NOT_FOUND', `innovation ${innovationId} is not in the public database`, {
      innovationId,
    });
  }
}

export class ReplicationNotFoundError extends NotFoundError {
  constructor(replicationId: string) {
    super('REPLICATION_NOT_FOUND', `replication ${replicationId} does not exist`, {
      replicationId,
    });
  }
}

export class ReplicationEvidenceNotFoundError extends NotFoundError {
  constructor(replicationId: string, fileId: string) {
    super('REPLICATION_EVIDENCE_NOT_FOUND', `replication ${replicationId} has no file ${fileId}`, {
      replicationId,
      fileId,
    });
  }
}

export class SelfReplicationError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;

  constructor(innovationId: string) {
    super('SELF_REPLICATION', `innovation ${innovationId} is your own institution's`, {
      innovationId,
    });
  }
}

export class ReplicationExistsError extends ConflictError {
  constructor(innovationId: string, replicationId: string | null) {
    super(
      'REPLICATION_EXISTS',
      `your institution already has an active replication of innovation ${innovationId}`,
      { innovationId, replicationId },
    );
  }
}

export class ReplicationForbiddenError extends ForbiddenError {
  constructor(replicationId: string | null, message: string) {
    super('REPLICATION_FORBIDDEN', message, replicationId ? { replicationId } : undefined);
  }
}

export class StatusTransitionInvalidError extends ConflictError {
  constructor(replicationId: string, from: ReplicationLinkStatus, to: ReplicationLinkStatus) {
    super('STATUS_TRANSITION_INVALID', `a replication cannot move from ${from} to ${to}`, {
      replicationId,
      from,
      to,
    });
  }
}

export class ConfirmationTransitionInvalidError extends ConflictError {
  constructor(replicationId: string, from: Confirmation, action: 'countersign' | 'dispute') {
    super('CONFIRMATION_TRANSITION_INVALID', `a ${from} replication cannot be ${action}d`, {
      replicationId,
      from,
      action,
    });
  }
}

/** Another change of the same link won meanwhile; the caller reloads and decides again. */
export class ReplicationChangedError extends ConflictError {
  constructor(replicationId: string, revision: number) {
    super(
      'REPLICATION_CHANGED',
      `replication ${replicationId} changed meanwhile (it was at revision ${revision}); reload it`,
      { replicationId, revision },
    );
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

export class EvidenceTooLargeError extends DomainError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;

  constructor(filename: string | null, maxBytes: number) {
    super('EVIDENCE_TOO_LARGE', `an evidence file may have at most ${maxBytes} bytes`, {
      ...(filename ? { filename } : {}),
      maxBytes,
    });
  }
}
