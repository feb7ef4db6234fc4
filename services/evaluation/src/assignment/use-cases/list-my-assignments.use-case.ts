import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import {
  institutionShownToEvaluators,
  toScorerProposal,
  type ScorerProposal,
} from '../../proposal/scorer-proposal';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import type { InstitutionProjection } from '../../institution/institution.schema';

export interface MyAssignment {
  assignment: Assignment;
  /** Null while the proposal's snapshot is not known here. */
  proposal: ScorerProposal | null;
}

/** An evaluator's own active assignments; nobody else's are ever read. */
@Injectable()
export class ListMyAssignmentsUseCase {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
  ) {}

  async execute(user: AuthenticatedUser): Promise<MyAssignment[]> {
    const own = await this.assignments.list({ evaluatorId: user.accountId, status: 'active' });
    if (own.length === 0) return [];
    const proposals = new Map(
      (await this.sources.proposalsByIds([...new Set(own.map((a) => a.proposalId))])).map((p) => [
        p._id,
        p,
      ]),
    );
    const shownByEdition = new Map<string, boolean>();
    for (const editionId of new Set(own.map((a) => a.editionId))) {
      shownByEdition.set(
        editionId,
        institutionShownToEvaluators(await this.sources.edition(editionId)),
      );
    }
    const shown = (editionId: string) => shownByEdition.get(editionId) ?? false;
    // The registry's name only for the institutions shown whose forwarded copy has none.
    const unnamed = [...proposals.values()]
      .filter((p) => shown(p.editionId) && p.institution === null)
      .map((p) => p.institutionId);
    const registry =
      unnamed.length > 0
        ? await this.sources.institutionsByIds([...new Set(unnamed)])
        : new Map<string, InstitutionProjection>();
    return own.map((assignment) => {
      const proposal = proposals.get(assignment.proposalId);
      if (!proposal) return { assignment, proposal: null };
      return {
        assignment,
        proposal: toScorerProposal(
          proposal,
          shown(assignment.editionId)
            ? { registryName: registry.get(proposal.institutionId)?.name ?? null }
            : 'hidden',
        ),
      };
    });
  }
}
