import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthorizedError,
  ValidationError,
} from './domain-errors';

class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `Proposal ${proposalId} was not found`, { proposalId });
  }
}

describe('domain errors', () => {
  it('should carry code, message, details and the subclass name when a service defines one', () => {
    const error = new ProposalNotFoundError('p-1');

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ProposalNotFoundError',
      code: 'PROPOSAL_NOT_FOUND',
      status: 404,
      message: 'Proposal p-1 was not found',
      details: { proposalId: 'p-1' },
    });
  });

  it.each([
    [new ConflictError('EDITION_CLOSED', 'closed'), 409],
    [new ForbiddenError('NOT_YOUR_INSTITUTION', 'no'), 403],
    [new UnauthorizedError('TOKEN_EXPIRED', 'expired'), 401],
  ])('should map %p to its HTTP status', (error, status) => {
    expect(error.status).toBe(status);
  });

  it('should keep the cause when one is given', () => {
    const cause = new Error('E11000 duplicate key');

    expect(new ConflictError('DUPLICATE_TITLE', 'taken', undefined, { cause }).cause).toBe(cause);
  });

  it('should list the issues under details when validation fails', () => {
    const error = new ValidationError([{ path: 'title', message: 'Required' }]);

    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The request is invalid',
      details: { issues: [{ path: 'title', message: 'Required' }] },
    });
  });
});
