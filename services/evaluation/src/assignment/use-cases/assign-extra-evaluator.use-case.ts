import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { ClientSession } from 'mongoose';
import { AssignmentCreatedV1 } from '@kipp/contracts';
import { createEvent } from '@kipp/messaging';
import { assignmentSettingsOf, toSolverEvaluators, toSolverProposal } from '../assignment-inputs';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { EditionNotFoundError } from '../assignment.errors';
import { AssignmentRepository } from '../assignment.repository';
import type { Assignment } from '../assignment.schema';
import { solveAssignment } from '../solver/assignment-solver';

export interface AssignExtraEvaluatorInput {
  editionId: string;
  proposalId: string;
  reason: 'divergence' | 'reassignment';
}

/**
 * One more evaluator for one proposal (a divergent pair of scores, or a replacement for one
 * who declined or recused), chosen by the same hard constraints and costs as a full run.
 * Runs inside the caller's transaction, so the new assignment and its event commit with
 * the change that asked for it. The caller nudges the outbox after its commit.
 */
@Injectable()
export class AssignExtraEvaluatorUseCase {
  private readonly logger = new Logger(AssignExtraEvaluatorUseCase.name);

  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
  ) {}

  async execute(
    input: AssignExtraEvaluatorInput,
    session: ClientSession,
  ): Promise<Assignment | null> {
    const edition = await this.sources.edition(input.editionId, session);
    if (!edition) throw new EditionNotFoundError(input.editionId);
    const settings = assignmentSettingsOf(edition);
    const proposal = await this.sources.proposal(input.proposalId, session);
    if (!proposal) {
      this.logger.warn({ ...input }, 'no extra evaluator: the proposal is unknown');
      return null;
    }
    const [reviewers, loads, pairs, registry] = await Promise.all([
      this.sources.activeEvaluators(session),
      this.assignments.loadsInEdition(input.editionId, session),
      this.assignments.pairsOfProposal(input.proposalId, session),
      this.sources.institutionsByIds([proposal.institutionId], session),
    ]);
    const result = solveAssignment({
      proposals: [toSolverProposal(proposal, 1, registry)],
      evaluators: toSolverEvaluators(reviewers, loads),
      maxLoad: settings.maxProposalsPerEvaluator,
      existingPairs: pairs,
    });
    const pair = result.pairs[0];
    if (!pair) {
      this.logger.warn(
        { ...input, shortfall: result.shortfalls[0] ?? null },
        'no eligible evaluator left for an extra assignment',
      );
      return null;
    }
    const now = new Date();
    const assignment: Assignment = {
      _id: `asg_${randomUUID()}`,
      editionId: input.editionId,
      proposalId: input.proposalId,
      evaluatorId: pair.evaluatorId,
      status: 'active',
      reason: input.reason,
      explanation: {
        cost: pair.cost,
        factors: [`extra evaluator (${input.reason})`, ...pair.factors],
      },
      runId: null,
      dueAt: settings.dueAt,
      endedAt: null,
      endReason: null,
      replacedBy: null,
      outbox: [],
      createdAt: now,
      updatedAt: now,
    };
    const event = createEvent(AssignmentCreatedV1, {
      assignmentId: assignment._id,
      proposalId: assignment.proposalId,
      editionId: assignment.editionId,
      evaluatorAccountId: assignment.evaluatorId,
      reason: input.reason,
      dueAt: settings.dueAt?.toISOString() ?? null,
      createdAt: now.toISOString(),
    });
    await this.assignments.insertMany([{ ...assignment, outbox: [event] }], session);
    return { ...assignment, outbox: [] };
  }
}
