import { ConflictError, NotFoundError } from '@kipp/service-kit';

export class EditionNotFoundError extends NotFoundError {
  constructor(editionId: string) {
    super('EDITION_NOT_FOUND', `edition ${editionId} does not exist`, { editionId });
  }
}

export class EditionNotConfiguredError extends ConflictError {
  constructor(editionId: string) {
    super(
      'EDITION_NOT_CONFIGURED_FOR_EVALUATION',
      `edition ${editionId} has no evaluation settings`,
      { editionId },
    );
  }
}

export class FinalistsNotPublishedError extends ConflictError {
  constructor(editionId: string) {
    super('FINALISTS_NOT_PUBLISHED', `no finalists were published for edition ${editionId}`, {
      editionId,
    });
  }
}

export class PlenaryNotOpenError extends ConflictError {
  constructor(editionId: string) {
    super(
      'PLENARY_NOT_OPEN',
      `results of edition ${editionId} can be published only in the plenary or results phase`,
      { editionId },
    );
  }
}

export class PanelScoresMissingError extends ConflictError {
  constructor(proposalIds: string[]) {
    super(
      'PANEL_SCORES_MISSING',
      `${proposalIds.length} finalist(s) have no submitted panel score; publish with allowMissing to rank them last`,
      { proposalIds },
    );
  }
}
