import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { AuthenticatedUser } from '@kipp/auth';
import { AssignmentCreatedV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InjectConnection, isDuplicateKeyError, runInTransaction } from '@kipp/mongo';
import { RecomputationInProgressError } from '../../lease/lease.errors';
import { LeaseService } from '../../lease/lease.service';
import { assignmentSettingsOf, toSolverEvaluators, toSolverProposal } from '../assignment-inputs';
import type { Shortfall } from '../solver/assignment-solver';
import { solveAssignment } from '../solver/assignment-solver';
import { AssignmentSourcesRepository } from '../assignment-sources.repository';
import { expertiseShare, summarizeLoads, type LoadSummary } from '../assignment-stats';
import { AssignmentsChangedDuringRunError, EditionNotFoundError } from '../assignment.errors';
import { AssignmentRepository, type NewAssignment } from '../assignment.repository';

export interface AssignmentRunSummary {
  /** Null when there was nothing to assign (no run was recorded). */
  runId: string | null;
  editionId: string;
  evaluatorsPerProposal: number;
  maxProposalsPerEvaluator: number;
  proposalsConsidered: number;
  evaluatorsConsidered: number;
  assignmentsCreated: number;
  load: LoadSummary;
  expertiseMatchShare: number;
  shortfalls: Shortfall[];
}

/**
 * Gives every passed proposal that has fewer than k evaluators the ones it lacks, by one
 * minimum-cost-flow solve over the whole edition. Guarded by the `assignment:<edition>`
 * lease so two instances never publish two different answers; the fencing check runs in
 * the same transaction as the writes. Running it again with nothing changed creates
 * nothing, because every proposal already has its k.
 */
@Injectable()
export class RunAssignmentUseCase {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly sources: AssignmentSourcesRepository,
    private readonly leases: LeaseService,
    private readonly outbox: OutboxNotifier,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async execute(editionId: string, actor: AuthenticatedUser): Promise<AssignmentRunSummary> {
    const edition = await this.sources.edition(editionId);
    if (!edition) throw new EditionNotFoundError(editionId);
    const settings = assignmentSettingsOf(edition);
    const leaseName = `assignment:${editionId}`;
    const outcome = await this.leases.runExclusive(leaseName, async (lease) => {
      const [proposals, pairs, loads, reviewers] = await Promise.all([
        this.sources.assignableProposals(editionId),
        this.assignments.pairsOfEdition(editionId),
        this.assignments.loadsInEdition(editionId),
        this.sources.activeEvaluators(),
      ]);
      const counting = new Map<string, number>();
      for (const pair of pairs) {
        if (pair.status === 'active' || pair.status === 'completed') {
          counting.set(pair.proposalId, (counting.get(pair.proposalId) ?? 0) + 1);
        }
      }
      const open = proposals
        .map((p) => ({ p, needed: settings.evaluatorsPerProposal - (counting.get(p._id) ?? 0) }))
        .filter(({ needed }) => needed > 0);
      const evaluators = toSolverEvaluators(reviewers, loads);
      const idle: AssignmentRunSummary = {
        runId: null,
        editionId,
        evaluatorsPerProposal: settings.evaluatorsPerProposal,
        maxProposalsPerEvaluator: settings.maxProposalsPerEvaluator,
        proposalsConsidered: open.length,
        evaluatorsConsidered: evaluators.length,
        assignmentsCreated: 0,
        load: summarizeLoads(evaluators.map((e) => e.currentLoad)),
        expertiseMatchShare: 0,
        shortfalls: [],
      };
      if (open.length === 0) return idle;

      const missing = open
        .filter(({ p }) => p.institution === null)
        .map(({ p }) => p.institutionId);
      const registry = await this.sources.institutionsByIds([...new Set(missing)]);
      const solverProposals = open.map(({ p, needed }) => toSolverProposal(p, needed, registry));
      const result = solveAssignment({
        proposals: solverProposals,
        evaluators,
        maxLoad: settings.maxProposalsPerEvaluator,
        existingPairs: pairs,
      });

      const runId = `run_${randomUUID()}`;
      const now = new Date();
      const dueAt = settings.dueAt?.toISOString() ?? null;
      const created: NewAssignment[] = result.pairs.map((pair) => {
        const assignmentId = `asg_${randomUUID()}`;
        return {
          _id: assignmentId,
          editionId,
          proposalId: pair.proposalId,
          evaluatorId: pair.evaluatorId,
          status: 'active',
          reason: 'initial',
          explanation: { cost: pair.cost, factors: pair.factors },
          runId,
          dueAt: settings.dueAt,
          endedAt: null,
          endReason: null,
          replacedBy: null,
          outbox: [
            createEvent(AssignmentCreatedV1, {
              assignmentId,
              proposalId: pair.proposalId,
              editionId,
              evaluatorAccountId: pair.evaluatorId,
              reason: 'initial',
              dueAt,
              createdAt: now.toISOString(),
            }),
          ],
        };
      });
      const categories = new Map(solverProposals.map((p) => [p.id, p.categoryId]));
      const expertise = new Map(evaluators.map((e) => [e.id, e.expertiseCategoryIds]));
      const summary: AssignmentRunSummary = {
        ...idle,
        runId,
        assignmentsCreated: created.length,
        load: summarizeLoads(evaluators.map((e) => result.loads[e.id] ?? e.currentLoad)),
        expertiseMatchShare: expertiseShare(result.pairs, (pair) =>
          (expertise.get(pair.evaluatorId) ?? []).includes(categories.get(pair.proposalId) ?? ''),
        ),
        shortfalls: result.shortfalls,
      };
      await this.publish(editionId, async () =>
        runInTransaction(this.connection, async (session) => {
          await this.leases.assertHeld(lease, session);
          await this.assignments.insertMany(created, session);
          await this.assignments.saveRun(
            {
              _id: runId,
              editionId,
              startedBy: actor.accountId,
              evaluatorsPerProposal: summary.evaluatorsPerProposal,
              maxProposalsPerEvaluator: summary.maxProposalsPerEvaluator,
              proposalsConsidered: summary.proposalsConsidered,
              evaluatorsConsidered: summary.evaluatorsConsidered,
              assignmentsCreated: summary.assignmentsCreated,
              totalCost: result.totalCost,
              load: summary.load,
              expertiseMatchShare: summary.expertiseMatchShare,
              shortfalls: summary.shortfalls,
            },
            result.exclusions.map((entry) => ({
              _id: `${runId}:${entry.proposalId}`,
              runId,
              editionId,
              proposalId: entry.proposalId,
              excluded: entry.excluded,
            })),
            session,
          );
        }),
      );
      this.outbox.nudge();
      return summary;
    });
    if (!outcome.ran) throw new RecomputationInProgressError(leaseName);
    return outcome.result;
  }

  /** The unique pair index is the last line of defence; its violation is a 409, not a 500. */
  private async publish(editionId: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new AssignmentsChangedDuringRunError(editionId);
      throw error;
    }
  }
}
