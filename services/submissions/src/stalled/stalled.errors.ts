import { ForbiddenError, NotFoundError } from '@kipp/service-kit';

export class DraftsReportEditionNotKnownError extends NotFoundError {
  constructor(editionId: string) {
    super('EDITION_NOT_KNOWN', `Edition ${editionId} is not known to this service.`, {
      editionId,
    });
  }
}

export class DraftsReportForbiddenError extends ForbiddenError {
  constructor() {
    super(
      'DRAFTS_REPORT_FORBIDDEN',
      'Only the national admin and the local admin of an institution may see the drafts report.',
    );
  }
}
