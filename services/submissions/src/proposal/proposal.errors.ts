import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '@kipp/service-kit';
import type { EligibilityCheck, ProposalStatus } from './proposal.schema';

export class ProposalNotFoundError extends NotFoundError {
  constructor(proposalId: string) {
    super('PROPOSAL_NOT_FOUND', `proposal ${proposalId} does not exist`, { proposalId });
  }
}

export class ProposalRevisionConflictError extends ConflictError {
  constructor(proposalId: string, expected: number, current: number) {
    super(
      'PROPOSAL_REVISION_CONFLICT',
      `proposal ${proposalId} was changed by someone else (revision ${current}, you read ${expected}); reload it`,
      { proposalId, expectedRevision: expected, currentRevision: current },
    );
  }
}

export class ProposalStatusConflictError extends ConflictError {
  constructor(proposalId: string, status: ProposalStatus, action: string) {
    super('PROPOSAL_STATUS_CONFLICT', `proposal ${proposalId} is ${status}: cannot ${action}`, {
      proposalId,
      status,
      action,
    });
  }
}

class UnprocessableError extends DomainError {
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
}

export class ProposalNotReadyError extends UnprocessableError {
  constructor(proposalId: string, failing: readonly (EligibilityCheck | string)[]) {
    const checks = failing.map((c) =>
      typeof c === 'string' ? { check: c, outcome: 'fail', detail: c } : c,
    );
    super(
      'PROPOSAL_NOT_READY',
      `proposal ${proposalId} fails: ${checks.map((c) => c.check).join(', ')}`,
      { proposalId, failing: checks },
    );
  }
}

export class FormMismatchError extends UnprocessableError {
  constructor(what: 'section' | 'sdg-target' | 'group' | 'category', ids: readonly string[]) {
    super(
      'NOT_IN_EDITION_FORM',
      `not part of this edition's form for the proposal: ${what} ${ids.join(', ')}`,
      {
        what,
        ids: [...ids],
      },
    );
  }
}

export class GroupByInvitationError extends ForbiddenError {
  constructor(groupId: string) {
    // There is no invitation data in the platform yet, so nobody is invited.
    super('GROUP_BY_INVITATION', `group ${groupId} is open to invited institutions only`, {
      groupId,
    });
  }
}

export class QuotaExceededError extends ConflictError {
  constructor(groupId: string, quota: number) {
    super(
      'QUOTA_EXCEEDED',
      `the institution has already forwarded its ${quota} proposal(s) in group ${groupId}`,
      { groupId, quota },
    );
  }
}

export class SubmissionClosedError extends ConflictError {
  constructor(editionId: string, closesAt: Date, local: string, timeZone: string) {
    super('SUBMISSION_CLOSED', `submission for this edition closed at ${local}`, {
      editionId,
      closesAt: closesAt.toISOString(),
      closesAtLocal: local,
      timeZone,
    });
  }
}
