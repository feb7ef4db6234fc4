import { ConflictError, DomainError, NotFoundError } from '@kipp/service-kit';

export class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `proposal ${proposalId} was not forwarded to the ministry`, {
      proposalId,
    });
  }
}

export class ProposalWithdrawnError extends ConflictError {
  constructor(proposalId: string) {
    super('PROPOSAL_WITHDRAWN', `proposal ${proposalId} was withdrawn by its unit`, {
      proposalId,
    });
  }
}

export class SelectionClosedError extends ConflictError {
  constructor(editionId: string, phase: string | null) {
    super(
      'SELECTION_CLOSED',
      'decisions are taken only while the edition is in administrative selection',
      { editionId, phase },
    );
  }
}

export class SelectionRevisionConflictError extends ConflictError {
  constructor(proposalId: string, currentRevision: number | null) {
    super(
      'SELECTION_REVISION_CONFLICT',
      'the decision changed meanwhile, or revising it needs the current expectedRevision',
      { proposalId, currentRevision },
    );
  }
}

/** 422: the request is well formed but the decision it asks for is not acceptable. */
abstract class UnprocessableSelectionError extends DomainError {
  readonly status = 422;
}

export class SelectionFailWithoutReasonError extends UnprocessableSelectionError {
  constructor(proposalId: string) {
    super('SELECTION_FAIL_WITHOUT_REASON', 'a fail needs at least one failed check', {
      proposalId,
    });
  }
}

export class SelectionPassWithFailedReasonError extends UnprocessableSelectionError {
  constructor(proposalId: string) {
    super('SELECTION_PASS_WITH_FAILED_REASON', 'a pass cannot list a failed check', {
      proposalId,
    });
  }
}

export interface BulkItemProblem {
  index: number;
  proposalId: string;
  code: string;
  message: string;
}

export class SelectionBulkInvalidError extends UnprocessableSelectionError {
  constructor(problems: readonly BulkItemProblem[]) {
    super('SELECTION_BULK_INVALID', `${problems.length} decision(s) cannot be taken; none was`, {
      items: problems.map((p) => ({ ...p })),
    });
  }
}
