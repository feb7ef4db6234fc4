import type { RepresentationRule } from '@kipp/contracts';
import { poolOf, selectFinalists, type FinalistCandidate } from './finalist-selection';

/** A seeded generator, so every run checks the same instances. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function instance(seed: number) {
  const random = lcg(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const candidates: FinalistCandidate[] = Array.from({ length: 10 }, (_, i) => ({
    proposalId: `p${i}`,
    rank: i + 1,
    score: 100 - i,
    attributes: {
      category: pick(['a', 'b', 'c']),
      group: pick(['general', 'general', 'replication', 'special']),
      'institution-type': pick(['city', 'regency']),
      province: pick(['11', '32']),
      'disadvantaged-region': pick(['true', 'false', 'false']),
      institution: pick(['i1', 'i2', 'i3', 'i4']),
    },
  }));
  const rules: RepresentationRule[] = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
    const kind = pick(['min', 'max'] as const);
    return {
      dimension: pick(['category', 'disadvantaged-region', 'institution'] as const),
      value: random() < 0.5 ? null : pick(['a', 'true', 'i1']),
      min: kind === 'min' ? 1 + Math.floor(random() * 2) : null,
      max: kind === 'max' ? 1 + Math.floor(random() * 2) : null,
    };
  });
  return { candidates, rules, sizes: { general: 4, special: 1 } };
}

type Instance = ReturnType<typeof instance>;

const finalistsOf = (selection: Awaited<ReturnType<typeof selectFinalists>>) =>
  selection.entries.filter((e) => e.advanced).map((e) => e.proposalId);

/**
 * Every subset of the (10) candidates, ranked by the documented priorities: maxes and pool
 * sizes hard; then most seats; then each min (capped at its candidates) in rule order as
 * close as it gets; then total score; then rank 1 in if possible, then rank 2, and so on.
 */
function bruteForce({ candidates, rules, sizes }: Instance) {
  const constraints = rules.flatMap((rule) =>
    (rule.value !== null
      ? [rule.value]
      : [...new Set(candidates.map((c) => c.attributes[rule.dimension]))].filter(
          (v): v is string => v !== null,
        )
    )
      // Values in ascending order, as the rule is expanded.
      .sort()
      .map((value) => ({ ...rule, value })),
  );
  const ordered = [...candidates].sort((a, b) => a.rank - b.rank);
  let best: { key: number[]; chosen: FinalistCandidate[]; allMinsMet: boolean } | null = null;
  for (let mask = 0; mask < 2 ** ordered.length; mask += 1) {
    const chosen = ordered.filter((_, i) => (mask >> i) & 1);
    const inPool = (pool: string) => chosen.filter((c) => poolOf(c) === pool).length;
    if (inPool('general') > sizes.general || inPool('special') > sizes.special) continue;
    const countOf = (k: (typeof constraints)[number]) =>
      chosen.filter((c) => c.attributes[k.dimension] === k.value).length;
    if (constraints.some((k) => k.max !== null && countOf(k) > k.max)) continue;
    const minima = constraints.flatMap((k) => {
      if (k.min === null) return [];
      const cap = Math.min(
        k.min,
        ordered.filter((c) => c.attributes[k.dimension] === k.value).length,
      );
      return [Math.min(countOf(k), cap) - cap];
    });
    const key = [
      chosen.length,
      ...minima,
      chosen.reduce((sum, c) => sum + c.score, 0),
      ...ordered.map((c) => (chosen.includes(c) ? 1 : 0)),
    ];
    if (best === null || compareKeys(key, best.key) > 0) {
      best = { key, chosen, allMinsMet: minima.every((shortfall) => shortfall === 0) };
    }
  }
  if (best === null) throw new Error('the empty list always qualifies');
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

describe('selectFinalists on seeded random instances', () => {
  it('should never exceed a max or a pool size and report exactly the unmet mins when run on 300 seeded instances', async () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const { candidates, rules, sizes } = instance(seed);
      const selection = await selectFinalists(candidates, rules, sizes);
      const chosen = candidates.filter((c) =>
        selection.entries.some((e) => e.proposalId === c.proposalId && e.advanced),
      );
      expect(chosen.filter((c) => poolOf(c) === 'general').length).toBeLessThanOrEqual(
        sizes.general,
      );
      expect(chosen.filter((c) => poolOf(c) === 'special').length).toBeLessThanOrEqual(
        sizes.special,
      );
      for (const report of selection.report.rules) {
        for (const constraint of report.constraints) {
          const actual = chosen.filter(
            (c) => c.attributes[report.rule.dimension] === constraint.value,
          ).length;
          expect(constraint.finalCount).toBe(actual);
          if (constraint.max !== null) expect(actual).toBeLessThanOrEqual(constraint.max);
          const reported = selection.report.infeasible.some(
            (i) => i.ruleIndex === report.ruleIndex && i.value === constraint.value,
          );
          expect(reported).toBe(constraint.min !== null && actual < constraint.min);
        }
      }
    }
  });

  it('should meet every satisfiable min and reach the brute-force optimum when run on 1,100 seeded instances', async () => {
    let satisfiable = 0;
    for (let seed = 1; seed <= 1100; seed += 1) {
      const problem = instance(seed);
      const selection = await selectFinalists(problem.candidates, problem.rules, problem.sizes);
      const optimum = bruteForce(problem);
      const chosen = problem.candidates.filter((c) =>
        finalistsOf(selection).includes(c.proposalId),
      );
      const score = (list: FinalistCandidate[]) => list.reduce((sum, c) => sum + c.score, 0);
      if (optimum.allMinsMet) {
        satisfiable += 1;
        const capped = selection.report.infeasible.filter(
          (i) => i.reason !== 'NOT_ENOUGH_CANDIDATES',
        );
        expect({ seed, unmet: capped }).toEqual({ seed, unmet: [] });
      }
      expect({ seed, score: score(chosen) }).toEqual({ seed, score: score(optimum.chosen) });
      expect({ seed, finalists: finalistsOf(selection) }).toEqual({
        seed,
        finalists: optimum.chosen.map((c) => c.proposalId),
      });
    }
    expect(satisfiable).toBeGreaterThan(500);
  }, 60_000);

  it('should pick the same finalists when the input is shuffled', async () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const { candidates, rules, sizes } = instance(seed);
      const random = lcg(seed + 7);
      const shuffled = [...candidates]
        .map((c) => ({ c, key: random() }))
        .sort((a, b) => a.key - b.key)
        .map(({ c }) => c);
      const once = await selectFinalists(candidates, rules, sizes);
      const again = await selectFinalists(shuffled, rules, sizes);
      expect(finalistsOf(again)).toEqual(finalistsOf(once));
      expect(again.report).toEqual(once.report);
    }
  });
});
