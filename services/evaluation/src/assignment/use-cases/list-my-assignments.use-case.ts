import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import type { ProposalSnapshot } from '@kipp/contracts';
import { assignmentSettingsOf } from '../assignment-inputs';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';

/** What an evaluator gets of a proposal: in blind review nothing that names the institution. */
export interface EvaluatorProposalView {
  proposalId: string;
  title: string;
  categoryId: string;
  groupId: string;
  sections: ProposalSnapshot['sections'];
  institution: { institutionId: string; name: string | null; unitId: string } | null;
}

export interface MyAssignment {
  assignment: Assignment;
  proposal: EvaluatorProposalView | null;
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
    const blindByEdition = new Map<string, boolean>();
    for (const editionId of new Set(own.map((a) => a.editionId))) {
      const edition = await this.sources.edition(editionId);
      // Unknown or unconfigured editions stay blind: hiding too much is the safe mistake.
      blindByEdition.set(
        editionId,
        edition?.configuration.evaluation ? assignmentSettingsOf(edition).blindReview : true,
      );
    }
    return own.map((assignment) => {
      const proposal = proposals.get(assignment.proposalId);
      if (!proposal) return { assignment, proposal: null };
      const blind = blindByEdition.get(assignment.editionId) ?? true;
      return {
        assignment,
        proposal: {
          proposalId: proposal._id,
          title: proposal.snapshot.title,
          categoryId: proposal.categoryId,
          groupId: proposal.groupId,
          sections: proposal.snapshot.sections,
          institution: blind
            ? null
            : {
                institutionId: proposal.institutionId,
                name: proposal.institution?.name ?? null,
                unitId: proposal.unitId,
              },
        },
      };
    });
  }
}
