import { conflictOf, type ExclusionReason } from './conflicts';
import { MinCostFlow } from './min-cost-flow';

export interface SolverProposal {
  readonly id: string;
  readonly institutionId: string;
  readonly institutionName: string | null;
  readonly institutionType: string | null;
  readonly provinceCode: string | null;
  readonly categoryId: string;
  /** Evaluators still to assign (k minus the active assignments it has). */
  readonly needed: number;
}

export interface SolverEvaluator {
  readonly id: string;
  readonly affiliation: string;
  readonly homeProvinceCode: string | null;
  readonly pastEngagementInstitutionIds: readonly string[];
  readonly declaredConflictInstitutionIds: readonly string[];
  readonly expertiseCategoryIds: readonly string[];
  /** Assignments already counting towards the maximum load in this edition. */
  readonly currentLoad: number;
}

export interface SolverInput {
  readonly proposals: readonly SolverProposal[];
  readonly evaluators: readonly SolverEvaluator[];
  readonly maxLoad: number;
  /** Pairs that exist already, whatever became of them: never proposed again. */
  readonly existingPairs: readonly { proposalId: string; evaluatorId: string }[];
}

export interface SolvedPair {
  proposalId: string;
  evaluatorId: string;
  cost: number;
  factors: string[];
}

export interface Exclusion {
  evaluatorId: string;
  reason: ExclusionReason;
}

export interface Shortfall {
  proposalId: string;
  needed: number;
  assigned: number;
  eligibleEvaluators: number;
  why: string;
}

export interface SolverResult {
  pairs: SolvedPair[];
  /** Per proposal (in id order), the evaluators it could not get and why. */
  exclusions: { proposalId: string; excluded: Exclusion[] }[];
  shortfalls: Shortfall[];
  /** Every evaluator's load after the solve, by id. */
  loads: Record<string, number>;
  totalCost: number;
}

/**
 * Costs in whole units so the flow's arithmetic is exact. The n-th unit of an evaluator's
 * load costs n × LOAD_STEP_COST: marginal cost grows with load (convex), so the cheapest
 * flow spreads work evenly. A pair outside the evaluator's expertise costs as much as about
 * two extra units of load, so expertise wins over perfect balance only by a little.
 */
export const LOAD_STEP_COST = 10;
export const EXPERTISE_MISMATCH_COST = 25;

/**
 * Assigns evaluators to proposals as a minimum-cost flow: source → proposal (capacity
 * `needed`) → evaluator (capacity 1 per eligible pair, cost by expertise) → sink through
 * one arc per unit of spare load with increasing cost. Hard constraints (conflicts of
 * interest, the maximum load, no repeated pair) are arcs that do not exist. Inputs are
 * sorted by id first, so the answer does not depend on their order.
 */
export function solveAssignment(input: SolverInput): SolverResult {
  const proposals = [...input.proposals].sort((a, b) => compareIds(a.id, b.id));
  const evaluators = [...input.evaluators].sort((a, b) => compareIds(a.id, b.id));
  const paired = new Set(input.existingPairs.map((p) => pairKey(p.proposalId, p.evaluatorId)));

  const source = 0;
  const sink = 1;
  const proposalNode = (i: number) => 2 + i;
  const evaluatorNode = (j: number) => 2 + proposals.length + j;
  const flow = new MinCostFlow(2 + proposals.length + evaluators.length);

  const exclusions: { proposalId: string; excluded: Exclusion[] }[] = [];
  const pairArcs: {
    arc: number;
    proposal: SolverProposal;
    evaluator: SolverEvaluator;
    cost: number;
    matches: boolean;
  }[] = [];
  const eligibleCounts = new Map<string, number>();
  proposals.forEach((proposal, i) => {
    flow.addArc(source, proposalNode(i), Math.max(0, proposal.needed), 0);
    const excluded: Exclusion[] = [];
    let eligible = 0;
    evaluators.forEach((evaluator, j) => {
      const reason = exclusionOf(proposal, evaluator, paired, input.maxLoad);
      if (reason !== null) {
        excluded.push({ evaluatorId: evaluator.id, reason });
        return;
      }
      eligible += 1;
      const matches = evaluator.expertiseCategoryIds.includes(proposal.categoryId);
      const cost = matches ? 0 : EXPERTISE_MISMATCH_COST;
      pairArcs.push({
        arc: flow.addArc(proposalNode(i), evaluatorNode(j), 1, cost),
        proposal,
        evaluator,
        cost,
        matches,
      });
    });
    eligibleCounts.set(proposal.id, eligible);
    exclusions.push({ proposalId: proposal.id, excluded });
  });
  evaluators.forEach((evaluator, j) => {
    for (let load = evaluator.currentLoad + 1; load <= input.maxLoad; load += 1) {
      flow.addArc(evaluatorNode(j), sink, 1, load * LOAD_STEP_COST);
    }
  });

  const { cost: totalCost } = flow.solve(source, sink);

  const loads = new Map(evaluators.map((e) => [e.id, e.currentLoad]));
  const chosen = pairArcs.filter((p) => flow.flowOn(p.arc) > 0);
  const assignedPerProposal = new Map<string, number>();
  for (const { proposal, evaluator } of chosen) {
    loads.set(evaluator.id, (loads.get(evaluator.id) ?? 0) + 1);
    assignedPerProposal.set(proposal.id, (assignedPerProposal.get(proposal.id) ?? 0) + 1);
  }
  const pairs = chosen.map(({ proposal, evaluator, ...pair }): SolvedPair => {
    const load = loads.get(evaluator.id) ?? 0;
    return {
      proposalId: proposal.id,
      evaluatorId: evaluator.id,
      cost: pair.cost + load * LOAD_STEP_COST,
      factors: [
        pair.matches
          ? `expertise matches category ${proposal.categoryId}`
          : `no listed expertise in category ${proposal.categoryId}`,
        `no conflict of interest with institution ${proposal.institutionId}`,
        `load ${load} of ${input.maxLoad} after assignment`,
      ],
    };
  });

  const shortfalls: Shortfall[] = [];
  for (const proposal of proposals) {
    const assigned = assignedPerProposal.get(proposal.id) ?? 0;
    if (assigned >= proposal.needed) continue;
    const eligible = eligibleCounts.get(proposal.id) ?? 0;
    shortfalls.push({
      proposalId: proposal.id,
      needed: proposal.needed,
      assigned,
      eligibleEvaluators: eligible,
      why:
        eligible < proposal.needed
          ? `only ${eligible} evaluator(s) without a conflict, a pair or a full load`
          : 'the eligible evaluators reached the maximum load',
    });
  }

  return {
    pairs,
    exclusions,
    shortfalls,
    loads: Object.fromEntries(loads),
    totalCost,
  };
}

function exclusionOf(
  proposal: SolverProposal,
  evaluator: SolverEvaluator,
  paired: ReadonlySet<string>,
  maxLoad: number,
): ExclusionReason | null {
  if (paired.has(pairKey(proposal.id, evaluator.id))) return 'already-paired';
  const conflict = conflictOf(proposal, evaluator);
  if (conflict !== null) return conflict;
  if (evaluator.currentLoad >= maxLoad) return 'max-load';
  return null;
}

function pairKey(proposalId: string, evaluatorId: string): string {
  return `${proposalId}\u0000${evaluatorId}`;
}

/** Code-unit order, independent of the locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
