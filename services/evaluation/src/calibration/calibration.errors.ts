import { ConflictError, NotFoundError } from '@kipp/service-kit';

export class EditionNotFoundError extends NotFoundError {
  constructor(editionId: string) {
    super('EDITION_NOT_FOUND', `edition ${editionId} is not known here`, { editionId });
  }
}

export class EditionNotConfiguredForEvaluationError extends ConflictError {
  constructor(editionId: string) {
    super(
      'EDITION_NOT_CONFIGURED_FOR_EVALUATION',
      `edition ${editionId} has no evaluation settings`,
      { editionId },
    );
  }
}
