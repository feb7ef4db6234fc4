import { NotFoundError } from '@kipp/service-kit';

export class InstitutionNotKnownError extends NotFoundError {
  constructor(institutionId: string) {
    super('INSTITUTION_NOT_FOUND', `institution ${institutionId} is not known here`, {
      institutionId,
    });
  }
}
