import { EXPERTISE_MISMATCH_COST, LOAD_STEP_COST, solveAssignment } from './assignment-solver';
import { conflictOf } from './conflicts';
import { greedyAssignment } from './greedy-assignment';
import { maxLoadFor, syntheticInstance } from './synthetic-instance';

describe('the benchmark instance, reduced', () => {
  const options = { proposals: 350, evaluators: 12, k: 3, slack: 0.1, seed: 2027 };
  const input = syntheticInstance(options);
  const result = solveAssignment(input);

  it('should be the same instance when generated twice from one seed', () => {
    expect(syntheticInstance(options)).toEqual(input);
    expect(input.maxLoad).toBe(maxLoadFor(options));
  });

  it('should give every proposal k distinct evaluators when solved', () => {
    expect(result.shortfalls).toEqual([]);
    const perProposal = new Map<string, Set<string>>();
    for (const pair of result.pairs) {
      const set = perProposal.get(pair.proposalId) ?? new Set<string>();
      set.add(pair.evaluatorId);
      perProposal.set(pair.proposalId, set);
    }
    expect(perProposal.size).toBe(options.proposals);
    for (const set of perProposal.values()) expect(set.size).toBe(options.k);
  });

  it('should keep every pair free of conflicts and every load within the maximum', () => {
    const proposals = new Map(input.proposals.map((p) => [p.id, p]));
    const evaluators = new Map(input.evaluators.map((e) => [e.id, e]));
    for (const pair of result.pairs) {
      expect(
        conflictOf(proposals.get(pair.proposalId)!, evaluators.get(pair.evaluatorId)!),
      ).toBeNull();
    }
    expect(Math.max(...Object.values(result.loads))).toBeLessThanOrEqual(input.maxLoad);
  });

  it('should match expertise more often than the greedy baseline when loads stay near even', () => {
    const greedy = greedyAssignment(input);
    const category = new Map(input.proposals.map((p) => [p.id, p.categoryId]));
    const expertise = new Map(input.evaluators.map((e) => [e.id, e.expertiseCategoryIds]));
    const share = (pairs: { proposalId: string; evaluatorId: string }[]) =>
      pairs.filter((p) => expertise.get(p.evaluatorId)!.includes(category.get(p.proposalId)!))
        .length / pairs.length;
    const spread = (loads: Record<string, number>) =>
      Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));
    expect(share(result.pairs)).toBeGreaterThan(share(greedy.pairs));
    // An expertise match is worth about this many units of imbalance, and no more.
    const allowedSpread = Math.ceil(EXPERTISE_MISMATCH_COST / LOAD_STEP_COST) + 1;
    expect(spread(result.loads)).toBeLessThanOrEqual(allowedSpread);
  });
});
