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

describe('selectFinalists on seeded random instances', () => {
  it('should never exceed a max or a pool size and report exactly the unmet mins when run on 300 seeded instances', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const { candidates, rules, sizes } = instance(seed);
      const selection = selectFinalists(candidates, rules, sizes);
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
});
