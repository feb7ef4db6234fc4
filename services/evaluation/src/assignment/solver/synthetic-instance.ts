import type { SolverEvaluator, SolverInput, SolverProposal } from './assignment-solver';
import { conflictOf } from './conflicts';

/**
 * Realistic assignment instances for the benchmark and its spec, from a seeded PRNG so every
 * run solves the same instance: 38 provinces with proposals concentrated in a few of them
 * (as in the real competition), about two thirds of proposals from regional governments,
 * evaluators at home in the same provinces, 2–6 past engagements and some declared conflicts.
 */
export interface SyntheticOptions {
  readonly proposals: number;
  readonly evaluators: number;
  readonly k: number;
  /** Spare capacity over the even share, e.g. 0.1 for 10 %. */
  readonly slack: number;
  readonly seed: number;
}

const PROVINCES = 38;
const CATEGORIES = 10;

/** Mulberry32: small, fast and good enough to shape test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function maxLoadFor(
  options: Pick<SyntheticOptions, 'proposals' | 'evaluators' | 'k' | 'slack'>,
): number {
  const even = Math.ceil((options.proposals * options.k) / options.evaluators);
  return even + Math.ceil(even * options.slack);
}

export function syntheticInstance(options: SyntheticOptions): SolverInput {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly [T, ...T[]]): T =>
    items[Math.floor(random() * items.length)] ?? items[0];
  // Zipf-like weights: Java's provinces send far more proposals than Papua's.
  const weights = Array.from({ length: PROVINCES }, (_, i) => 1 / (i + 1) ** 1.2);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const province = (): string => {
    let draw = random() * totalWeight;
    for (let i = 0; i < PROVINCES; i += 1) {
      draw -= weights[i] ?? 0;
      if (draw <= 0) return String(11 + i);
    }
    return String(11 + PROVINCES - 1);
  };
  const institutionCount = Math.max(40, Math.round(options.proposals / 6));
  const institutions = nonEmpty(
    Array.from({ length: institutionCount }, (_, i) => {
      const roll = random();
      const type =
        roll < 0.1
          ? 'province'
          : roll < 0.66
            ? pick(['regency', 'city'] as const)
            : pick(['ministry', 'agency', 'bumn', 'bumd'] as const);
      return {
        id: `inst_${String(i).padStart(5, '0')}`,
        name: `Institution ${i}`,
        type,
        provinceCode:
          type === 'ministry' || type === 'agency' || type === 'bumn' ? null : province(),
      };
    }),
  );
  const categories = nonEmpty(Array.from({ length: CATEGORIES }, (_, i) => `cat-${i}`));
  const proposals: SolverProposal[] = Array.from({ length: options.proposals }, (_, i) => {
    const institution = pick(institutions);
    return {
      id: `prop_${String(i).padStart(6, '0')}`,
      institutionId: institution.id,
      institutionName: institution.name,
      institutionType: institution.type,
      provinceCode: institution.provinceCode,
      categoryId: pick(categories),
      needed: options.k,
    };
  });
  const evaluators: SolverEvaluator[] = Array.from({ length: options.evaluators }, (_, j) => {
    const engagements = 2 + Math.floor(random() * 5);
    const declared = Math.floor(random() * 3);
    const expertise = new Set(
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(categories)),
    );
    // A few evaluators work for an institution that also competes.
    const affiliation = random() < 0.05 ? pick(institutions).name : `Universitas ${j}`;
    return {
      id: `acct_eval_${String(j).padStart(4, '0')}`,
      affiliation,
      homeProvinceCode: province(),
      pastEngagementInstitutionIds: Array.from(
        { length: engagements },
        () => pick(institutions).id,
      ),
      declaredConflictInstitutionIds: Array.from({ length: declared }, () => pick(institutions).id),
      expertiseCategoryIds: [...expertise].sort(),
      currentLoad: 0,
    };
  });
  return { proposals, evaluators, maxLoad: maxLoadFor(options), existingPairs: [] };
}

/** Share of (proposal, evaluator) pairs ruled out by a conflict of interest, by kind. */
export function conflictShares(input: SolverInput): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const proposal of input.proposals) {
    for (const evaluator of input.evaluators) {
      const kind = conflictOf(proposal, evaluator);
      if (kind !== null) counts[kind] = (counts[kind] ?? 0) + 1;
    }
  }
  const pairs = input.proposals.length * input.evaluators.length;
  return Object.fromEntries(
    Object.entries(counts).map(([kind, count]) => [
      kind,
      Math.round((count / pairs) * 10_000) / 10_000,
    ]),
  );
}

function nonEmpty<T>(items: T[]): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new RangeError('expected at least one item');
  return [first, ...rest];
}
