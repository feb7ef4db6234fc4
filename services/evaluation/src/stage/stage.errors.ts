import { ConflictError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

export class StagePrerequisiteMissingError extends ConflictError {
  constructor(stage: string, missing: string) {
    super('STAGE_PREREQUISITE_MISSING', `the ${stage} stage needs a published ${missing} first`, {
      stage,
      missing,
    });
  }
}

export class StageNotPublishedError extends NotFoundError {
  constructor(editionId: string, stage: string) {
    super('STAGE_NOT_PUBLISHED', `no ${stage} results are published for edition ${editionId}`, {
      editionId,
      stage,
    });
  }
}

/** Two publishers reached the same version: only possible when a lease expired mid-run. */
export class StageVersionConflictError extends ConflictError {
  constructor(editionId: string, stage: string) {
    super('STAGE_VERSION_CONFLICT', `another ${stage} publication was written at the same time`, {
      editionId,
      stage,
    });
  }
}

export class StageNotVisibleError extends ForbiddenError {
  constructor(stage: string) {
    super('STAGE_NOT_VISIBLE', `panelists see the shortlist and the finalists only, not ${stage}`, {
      stage,
    });
  }
}

// The edition errors are the same everywhere in the service.
export {
  EditionNotFoundError,
  EditionNotConfiguredForEvaluationError,
} from '../edition/edition.errors';
