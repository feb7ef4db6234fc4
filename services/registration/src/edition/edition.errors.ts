import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';
import type { EditionIssue } from './edition-rules';

export class EditionNotFoundError extends NotFoundError {
  constructor(editionId: string) {
    super('EDITION_NOT_FOUND', `edition ${editionId} does not exist`, { editionId });
  }
}

/** 400: the configuration breaks edition rules; every broken rule is listed. */
export class EditionInvalidError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;

  constructor(readonly issues: readonly EditionIssue[]) {
    super('EDITION_INVALID', 'the edition configuration is invalid', { issues });
  }
}

export class EditionYearTakenError extends ConflictError {
  constructor(year: number) {
    super('EDITION_YEAR_TAKEN', `an edition for ${year} exists already`, { year });
  }
}

export class EditionRevisionConflictError extends ConflictError {
  constructor(editionId: string, expectedRevision: number, currentRevision: number) {
    super(
      'EDITION_REVISION_CONFLICT',
      `edition ${editionId} is at revision ${currentRevision}, not ${expectedRevision}; reload and retry`,
      { editionId, expectedRevision, currentRevision },
    );
  }
}

export class EditionAlreadyPublishedError extends ConflictError {
  constructor(editionId: string) {
    super('EDITION_ALREADY_PUBLISHED', `edition ${editionId} is published already`, {
      editionId,
    });
  }
}

export class EditionNotPublishedError extends ConflictError {
  constructor(editionId: string) {
    super('EDITION_NOT_PUBLISHED', `edition ${editionId} is a draft; publish it first`, {
      editionId,
    });
  }
}

export class EditionPhaseConflictError extends ConflictError {
  constructor(editionId: string) {
    super(
      'EDITION_PHASE_CONFLICT',
      `the phase of edition ${editionId} changed meanwhile; reload and retry`,
      { editionId },
    );
  }
}

export class EditionAlreadyInPhaseError extends ConflictError {
  constructor(editionId: string, phase: string) {
    super('EDITION_ALREADY_IN_PHASE', `edition ${editionId} is in phase ${phase} already`, {
      editionId,
      phase,
    });
  }
}
