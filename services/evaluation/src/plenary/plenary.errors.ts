import { ConflictError } from '@kipp/service-kit';

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

// The edition errors are the same everywhere in the service.
export {
  EditionNotFoundError,
  EditionNotConfiguredForEvaluationError as EditionNotConfiguredError,
} from '../edition/edition.errors';
