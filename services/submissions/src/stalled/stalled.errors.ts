import { ConflictError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

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

export class NudgeTooSoonError extends ConflictError {
  constructor(proposalId: string, lastNudgedAt: Date, nextAllowedAt: Date) {
    super(
      'NUDGE_TOO_SOON',
      `the unit was reminded of proposal ${proposalId} at ${lastNudgedAt.toISOString()}; the next reminder is possible from ${nextAllowedAt.toISOString()}`,
      {
        proposalId,
        lastNudgedAt: lastNudgedAt.toISOString(),
        nextAllowedAt: nextAllowedAt.toISOString(),
      },
    );
  }
}
