import { ConflictError, ForbiddenError, NotFoundError } from '@kipp/service-kit';

export class InnovationNotFoundError extends NotFoundError {
  constructor(innovationId: string) {
    super('INNOVATION_NOT_FOUND', `innovation ${innovationId} does not exist`, { innovationId });
  }
}

export class ForwardedProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `no forwarded proposal ${proposalId} is known`, { proposalId });
  }
}

export class ProposalOfAnotherInstitutionError extends ForbiddenError {
  constructor(proposalId: string) {
    super(
      'PROPOSAL_OF_ANOTHER_INSTITUTION',
      `proposal ${proposalId} belongs to another institution`,
      { proposalId },
    );
  }
}

export class InnovationAlreadyPublishedError extends ConflictError {
  constructor(proposalId: string, innovationId: string) {
    super(
      'INNOVATION_ALREADY_PUBLISHED',
      `proposal ${proposalId} is already in the public database as ${innovationId}`,
      { proposalId, innovationId },
    );
  }
}
