import { Injectable } from '@nestjs/common';
import { AuthError, assertUnitScope, type AuthenticatedUser } from '@kipp/auth';
import { ProposalNotFoundError } from './proposal.errors';
import { ProposalRepository } from './proposal.repository';
import type { Proposal } from './proposal.schema';

/**
 * Loads a proposal the caller may see: its unit, its institution's local admin, and the
 * national admin once it was forwarded; nobody else. A proposal out of the caller's scope
 * answers exactly like one that does not exist (404 PROPOSAL_NOT_FOUND), so ids never
 * reveal another unit's or institution's proposals; a role that may not use a route at
 * all is refused by `@Roles` (403) before anything is loaded.
 */
@Injectable()
export class ProposalLoader {
  constructor(private readonly proposals: ProposalRepository) {}

  async visible(proposalId: string, actor: AuthenticatedUser): Promise<Proposal> {
    return this.load(proposalId, (proposal) => {
      if (actor.roles.includes('national_admin')) return proposal.status === 'forwarded';
      try {
        assertUnitScope(actor, proposal.institutionId, proposal.unitId);
        return true;
      } catch (error) {
        if (error instanceof AuthError) return false;
        throw error;
      }
    });
  }

  /** For the unit's own actions: only an operator of the proposal's unit. */
  async ofOwnUnit(proposalId: string, actor: AuthenticatedUser): Promise<Proposal> {
    return this.load(
      proposalId,
      (proposal) =>
        actor.roles.includes('unit_operator') &&
        actor.institutionId === proposal.institutionId &&
        actor.unitId === proposal.unitId,
    );
  }

  /** For the local admin's review: only a local admin of the proposal's institution. */
  async ofOwnInstitution(proposalId: string, actor: AuthenticatedUser): Promise<Proposal> {
    return this.load(
      proposalId,
      (proposal) =>
        actor.roles.includes('local_admin') && actor.institutionId === proposal.institutionId,
    );
  }

  private async load(
    proposalId: string,
    mayAccess: (proposal: Proposal) => boolean,
  ): Promise<Proposal> {
    const proposal = await this.proposals.findById(proposalId);
    if (!proposal || !mayAccess(proposal)) throw new ProposalNotFoundError(proposalId);
    return proposal;
  }
}
