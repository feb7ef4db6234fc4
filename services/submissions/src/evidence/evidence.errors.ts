import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `proposal ${proposalId} does not exist`, { proposalId });
  }
}

export class EvidenceRequirementUnknownError extends NotFoundError {
  constructor(evidenceId: string, groupId: string) {
    super(
      'EVIDENCE_REQUIREMENT_UNKNOWN',
      `the edition asks for no evidence "${evidenceId}" in the ${groupId} group`,
      { evidenceId, groupId },
    );
  }
}

/** Also for a file the caller may not see: its existence is not revealed. */
export class EvidenceFileNotFoundError extends NotFoundError {
  constructor(fileId: string) {
    super('EVIDENCE_FILE_NOT_FOUND', `evidence file ${fileId} does not exist`, { fileId });
  }
}

export class EvidenceMissingError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
  constructor() {
    super('EVIDENCE_FILE_MISSING', 'attach the file as the multipart field "file"');
  }
}

/**
 * Over the requirement's limit. `sizeBytes` only when the whole file was seen: an upload cut
 * while streaming is refused as soon as it crosses the limit, its full size never known.
 */
export class EvidenceTooLargeError extends DomainError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
  constructor(evidenceId: string, maxSizeBytes: number, sizeBytes?: number) {
    super(
      'EVIDENCE_TOO_LARGE',
      `the file ${sizeBytes === undefined ? 'is larger than' : `has ${sizeBytes} bytes;`} "${evidenceId}" allows at most ${maxSizeBytes} bytes`,
      { evidenceId, maxSizeBytes, ...(sizeBytes === undefined ? {} : { sizeBytes }) },
    );
  }
}

export class EvidenceTypeNotAllowedError extends DomainError {
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
  constructor(evidenceId: string, detectedType: string | null, allowedTypes: readonly string[]) {
    super(
      'EVIDENCE_TYPE_NOT_ALLOWED',
      `the file's content is ${detectedType ?? 'of no accepted type'}; "${evidenceId}" accepts ${allowedTypes.join(', ')}`,
      { evidenceId, detectedType, allowedTypes: [...allowedTypes] },
    );
  }
}

export class ProposalNotEditableError extends ConflictError {
  constructor(proposalId: string, status: string) {
    super('PROPOSAL_NOT_EDITABLE', `proposal ${proposalId} is ${status} and cannot be changed`, {
      proposalId,
      status,
    });
  }
}

export class EvidenceNotAttachedError extends NotFoundError {
  constructor(evidenceId: string) {
    super('EVIDENCE_NOT_ATTACHED', `the proposal has no file for "${evidenceId}"`, { evidenceId });
  }
}

/** Someone else changed the proposal between our read and our write; reload and retry. */
export class ProposalRevisionConflictError extends ConflictError {
  constructor(proposalId: string) {
    super(
      'PROPOSAL_REVISION_CONFLICT',
      `proposal ${proposalId} was changed meanwhile; reload it and try again`,
      { proposalId },
    );
  }
}
