import { compareIds, type SolverInput } from './assignment-solver';
import { conflictOf } from './conflicts';

/**
 * The benchmark's baseline, as a person with a spreadsheet would assign: proposals in id
 * order, each taking the k least-loaded evaluators without a conflict. Not used by the
 * service.
 */
export function greedyAssignment(input: SolverInput): {
  pairs: { proposalId: string; evaluatorId: string }[];
  loads: Record<string, number>;
  unfilled: number;
} {
  const proposals = [...input.proposals].sort((a, b) => compareIds(a.id, b.id));
  const evaluators = [...input.evaluators].sort((a, b) => compareIds(a.id, b.id));
  const loads = new Map(evaluators.map((e) => [e.id, e.currentLoad]));
  const pairs: { proposalId: string; evaluatorId: string }[] = [];
  let unfilled = 0;
  for (const proposal of proposals) {
    const chosen = evaluators
      .filter((e) => (loads.get(e.id) ?? 0) < input.maxLoad && conflictOf(proposal, e) === null)
      .sort((a, b) => (loads.get(a.id) ?? 0) - (loads.get(b.id) ?? 0) || compareIds(a.id, b.id))
      .slice(0, proposal.needed);
    unfilled += proposal.needed - chosen.length;
    for (const evaluator of chosen) {
      loads.set(evaluator.id, (loads.get(evaluator.id) ?? 0) + 1);
      pairs.push({ proposalId: proposal.id, evaluatorId: evaluator.id });
    }
  }
  return { pairs, loads: Object.fromEntries(loads), unfilled };
}
