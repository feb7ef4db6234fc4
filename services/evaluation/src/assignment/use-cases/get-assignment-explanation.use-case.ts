import { Injectable } from '@nestjs/common';
import { AssignmentNotFoundError } from '../assignment.errors';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import type { Exclusion } from '../solver/assignment-solver';

export interface AssignmentExplanationView {
  assignment: Assignment;
  /** Evaluators the latest run over this proposal ruled out, and why. */
  excluded: Exclusion[];
  excludedInRun: string | null;
}

@Injectable()
export class GetAssignmentExplanationUseCase {
  constructor(private readonly assignments: AssignmentRepository) {}

  async execute(assignmentId: string): Promise<AssignmentExplanationView> {
    const assignment = await this.assignments.findById(assignmentId);
    if (!assignment) throw new AssignmentNotFoundError(assignmentId);
    const exclusions = await this.assignments.latestExclusions(assignment.proposalId);
    return {
      assignment,
      excluded: exclusions?.excluded ?? [],
      excludedInRun: exclusions?.runId ?? null,
    };
  }
}
