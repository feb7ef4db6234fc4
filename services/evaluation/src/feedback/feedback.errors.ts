import { ConflictError, NotFoundError } from '@kipp/service-kit';

export class FeedbackProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `proposal ${proposalId} is not known to evaluation`, {
      proposalId,
    });
  }
}

export class ResultsNotPublishedError extends ConflictError {
  constructor(editionId: string, phase: string | null) {
    super(
      'RESULTS_NOT_PUBLISHED',
      `feedback opens with the results; edition ${editionId} is in phase ${phase ?? 'none'}`,
      { editionId, phase },
    );
  }
}
