import { Injectable } from '@nestjs/common';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { ProposalRepository, type ProposalFilter } from '../proposal.repository';
import type { Proposal, ProposalStatus } from '../proposal.schema';

export interface ListProposalsQuery {
  readonly editionId?: string;
  readonly status?: ProposalStatus;
}

/**
 * A unit operator lists its unit's proposals, a local admin its institution's, the
 * national admin only forwarded ones (never drafts).
 */
@Injectable()
export class ListProposalsUseCase {
  constructor(private readonly proposals: ProposalRepository) {}

  async execute(query: ListProposalsQuery, actor: AuthenticatedUser): Promise<Proposal[]> {
    const base: ProposalFilter = {
      ...(query.editionId ? { editionId: query.editionId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    if (actor.roles.includes('national_admin')) {
      if (query.status && query.status !== 'forwarded') return [];
      return this.proposals.list({ ...base, status: 'forwarded' });
    }
    if (actor.institutionId === null) throw new AuthError('AUTH_FORBIDDEN');
    if (actor.roles.includes('local_admin')) {
      return this.proposals.list({ ...base, institutionId: actor.institutionId });
    }
    if (actor.roles.includes('unit_operator') && actor.unitId !== null) {
      return this.proposals.list({
        ...base,
        institutionId: actor.institutionId,
        unitId: actor.unitId,
      });
    }
    throw new AuthError('AUTH_FORBIDDEN');
  }
}
