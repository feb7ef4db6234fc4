import type { REPRESENTATION_DIMENSIONS, RepresentationRule } from '@kipp/contracts';
import { solveBinaryProgram, type BinaryProgram, type LinearRow } from './binary-program';
import { compareIds } from './desk-ranking';

export type RepresentationDimension = (typeof REPRESENTATION_DIMENSIONS)[number];

/** The two finalist lists: general + replication groups share one size, the special group has its own. */
export type FinalistPool = 'general' | 'special';

export interface FinalistCandidate {
  proposalId: string;
  /** Rank in the shortlist (1 first): the pure ranking the rules are measured against. */
  rank: number;
  score: number;
  /** The proposal's value per dimension (`disadvantaged-region` is `"true"`/`"false"`); null when unknown. */
  attributes: Readonly<Record<RepresentationDimension, string | null>>;
}

export interface FinalistSizes {
  general: number;
  special: number;
}

export interface ReportedProposal {
  proposalId: string;
  rank: number;
  score: number;
}

export interface ConstraintOutcome {
  value: string;
  min: number | null;
  max: number | null;
  /** Finalists with this value in the pure ranking. */
  pureCount: number;
  finalCount: number;
  /** Candidates with this value on the shortlist (what a min can draw on). */
  available: number;
}

export interface RuleReport {
  ruleIndex: number;
  rule: RepresentationRule;
  constraints: ConstraintOutcome[];
  /** Proposals this rule brought in that the pure ranking left out. */
  broughtIn: ReportedProposal[];
  /** Proposals of the pure ranking this rule pushed out. */
  pushedOut: ReportedProposal[];
}

export interface InfeasibleRule {
  ruleIndex: number;
  dimension: RepresentationDimension;
  value: string;
  min: number;
  achieved: number;
  reason: 'NOT_ENOUGH_CANDIDATES' | 'CONFLICTS_WITH_OTHER_RULES_OR_SIZES';
}

export interface TransparencyReport {
  sizes: FinalistSizes;
  rules: RuleReport[];
  infeasible: InfeasibleRule[];
  /** The final list against the pure ranking. */
  diff: { added: ReportedProposal[]; removed: ReportedProposal[] };
}

export interface FinalistSelection {
  /** Every candidate in rank order; `advanced` for the finalists. */
  entries: (ReportedProposal & { advanced: boolean })[];
  report: TransparencyReport;
}

interface Constraint {
  ruleIndex: number;
  dimension: RepresentationDimension;
  value: string;
  min: number | null;
  max: number | null;
}

export function poolOf(candidate: FinalistCandidate): FinalistPool {
  return candidate.attributes.group === 'special' ? 'special' : 'general';
}

/** Score sums closer than this are a tie (HiGHS checks rows to 1e-6 as well). */
const SCORE_TOLERANCE = 1e-6;

const POOLS: readonly FinalistPool[] = ['general', 'special'];

/**
 * Composes the finalists: the best by score subject to the representation rules, solved
 * exactly as an integer program (HiGHS) over one binary variable per candidate.
 *
 * 1. A rule with `value: null` stands for one constraint per value the shortlist holds.
 * 2. Hard: each pool takes at most its size; no max is ever exceeded.
 * 3. Wanted, in this priority: (a) every seat filled (a pool with fewer candidates takes them
 *    all); (b) every min met, a min above the candidates with its value capped at that
 *    number (and still reported); when (a) and (b) cannot hold together, seats come first,
 *    then the mins in rule order (values ascending within a rule), each as close to its min
 *    as the ones before it allow; (c) the highest total score; (d) among equal totals, the
 *    best-ranked list: take rank 1 if some optimal list has it, then rank 2, and so on.
 * Each step is solved to proven optimality and fixed before the next, so the list is unique
 * and independent of the input order.
 */
export async function selectFinalists(
  candidates: readonly FinalistCandidate[],
  rules: readonly RepresentationRule[],
  sizes: FinalistSizes,
): Promise<FinalistSelection> {
  const ordered = [...candidates].sort(
    (a, b) => a.rank - b.rank || b.score - a.score || compareIds(a.proposalId, b.proposalId),
  );
  const constraints = expandRules(rules, ordered);
  const chosen = await solveFinalists(ordered, constraints, sizes);
  const selected = new Set(ordered.filter((_, i) => chosen[i]).map((c) => c.proposalId));
  return {
    entries: ordered.map((c) => ({ ...reported(c), advanced: selected.has(c.proposalId) })),
    report: explain(ordered, rules, constraints, sizes, selected),
  };
}

/** `chosen[i]` for `ordered[i]`; see `selectFinalists` for the priorities. */
async function solveFinalists(
  ordered: readonly FinalistCandidate[],
  constraints: readonly Constraint[],
  sizes: FinalistSizes,
): Promise<boolean[]> {
  const variables = ordered.length;
  if (variables === 0) return [];
  const ones = (keep: (c: FinalistCandidate) => boolean) =>
    ordered.flatMap((c, i) => (keep(c) ? [[i, 1] as const] : []));
  const everyone = ones(() => true);
  const hard: LinearRow[] = [
    ...POOLS.map((pool) => ({ terms: ones((c) => poolOf(c) === pool), upper: sizes[pool] })),
    ...constraints.flatMap((k) =>
      k.max === null ? [] : [{ terms: ones((c) => matches(c, k)), upper: k.max }],
    ),
  ];
  const minima = constraints.flatMap((k) => {
    if (k.min === null) return [];
    const terms = ones((c) => matches(c, k));
    return [{ terms, lower: Math.min(k.min, terms.length) }];
  });
  const seats = POOLS.reduce(
    (sum, pool) => sum + Math.min(sizes[pool], ordered.filter((c) => poolOf(c) === pool).length),
    0,
  );

  let rows: LinearRow[] = [...hard, { terms: everyone, lower: seats }, ...minima];
  const asWritten = await solveBinaryProgram({ variables, objective: [], rows });
  if (!asWritten.feasible) {
    // Relax: as many seats as the maxes allow, then each min in order as far as it goes.
    const fill = await solveOrThrow({ variables, objective: everyone, rows: hard });
    rows = [...hard, { terms: everyone, lower: Math.round(fill.objective) }];
    for (const min of minima) {
      if (min.lower === 0) continue;
      const reach = await solveOrThrow({ variables, objective: min.terms, rows });
      rows.push({ terms: min.terms, lower: Math.min(min.lower, Math.round(reach.objective)) });
    }
  }

  const scores = ordered.map((c, i) => [i, c.score] as const);
  const best = await solveOrThrow({ variables, objective: scores, rows });
  const total = ordered.reduce((sum, c, i) => sum + (best.values[i] ? c.score : 0), 0);
  rows.push({ terms: scores, lower: total - SCORE_TOLERANCE });

  // Tie-break by rank: keep each candidate, best-ranked first, if an optimal list has it.
  let current = best.values;
  const taken = current.filter(Boolean).length;
  let kept = 0;
  for (let i = 0; i < variables && kept < taken; i += 1) {
    if (!current[i]) {
      const trial = await solveBinaryProgram({
        variables,
        objective: [],
        rows: [...rows, { terms: [[i, 1]], lower: 1 }],
      });
      if (!trial.feasible) {
        rows.push({ terms: [[i, 1]], upper: 0 });
        continue;
      }
      current = trial.values;
    }
    rows.push({ terms: [[i, 1]], lower: 1 });
    kept += 1;
  }
  return current;
}

async function solveOrThrow(program: BinaryProgram) {
  const result = await solveBinaryProgram(program);
  // Every program solved here has a known feasible point (the previous step's optimum).
  if (!result.feasible) throw new Error('the finalist program lost its feasible point');
  return result;
}

/**
 * The transparency report: the final list against the pure ranking, and which rule explains
 * each proposal that came in or went out.
 * - Pushed out: the rule of a min that every swap with a worse-ranked finalist (that exceeds
 *   no max) would break, worst-ranked finalist first; failing that, the max that is full.
 * - Brought in: the rule of a min it is needed for; failing that, the rule that pushed out a
 *   proposal of its pool (a max first), whose seat it took.
 */
function explain(
  ordered: readonly FinalistCandidate[],
  rules: readonly RepresentationRule[],
  constraints: readonly Constraint[],
  sizes: FinalistSizes,
  selected: ReadonlySet<string>,
): TransparencyReport {
  const pure = pureRanking(ordered, sizes);
  const finalists = ordered.filter((c) => selected.has(c.proposalId));
  const counts = new Map(
    constraints.map((k) => [k, finalists.filter((c) => matches(c, k)).length]),
  );
  const count = (k: Constraint) => counts.get(k) ?? 0;
  const poolCount = (pool: FinalistPool) => finalists.filter((c) => poolOf(c) === pool).length;
  const exceedsMax = (entering: FinalistCandidate, leaving: FinalistCandidate | null) =>
    constraints.find(
      (k) =>
        k.max !== null &&
        matches(entering, k) &&
        !(leaving !== null && matches(leaving, k)) &&
        count(k) + 1 > k.max,
    );
  const breaksMin = (leaving: FinalistCandidate, entering: FinalistCandidate) =>
    constraints.find(
      (k) => k.min !== null && matches(leaving, k) && !matches(entering, k) && count(k) - 1 < k.min,
    );

  const broughtIn = new Map<number, ReportedProposal[]>();
  const pushedOut = new Map<number, ReportedProposal[]>();
  const credit = (map: Map<number, ReportedProposal[]>, k: Constraint, c: FinalistCandidate) =>
    map.set(k.ruleIndex, [...(map.get(k.ruleIndex) ?? []), reported(c)]);

  const removed = ordered.filter((c) => pure.has(c.proposalId) && !selected.has(c.proposalId));
  const pushedBy = new Map<FinalistCandidate, Constraint>();
  for (const r of removed) {
    const room = poolCount(poolOf(r)) < sizes[poolOf(r)];
    let reason: Constraint | undefined;
    for (let i = ordered.length - 1; i > ordered.indexOf(r) && !reason; i -= 1) {
      const w = ordered[i] as FinalistCandidate;
      if (!selected.has(w.proposalId) || (!room && poolOf(w) !== poolOf(r))) continue;
      if (!exceedsMax(r, w)) reason = breaksMin(w, r);
    }
    reason ??= exceedsMax(r, null);
    if (!reason) continue;
    pushedBy.set(r, reason);
    credit(pushedOut, reason, r);
  }
  const seatOwners = [...pushedBy.entries()].sort(
    ([, a], [, b]) => Number(a.max === null) - Number(b.max === null),
  );
  for (const a of finalists) {
    if (pure.has(a.proposalId)) continue;
    const needed = constraints.find((k) => k.min !== null && matches(a, k) && count(k) <= k.min);
    if (needed) {
      credit(broughtIn, needed, a);
      continue;
    }
    const seat = seatOwners.findIndex(([r]) => poolOf(r) === poolOf(a));
    const [owner] = seat === -1 ? [] : seatOwners.splice(seat, 1);
    if (owner) credit(broughtIn, owner[1], a);
  }

  const available = (k: Constraint) => ordered.filter((c) => matches(c, k)).length;
  const pureCount = (k: Constraint) =>
    ordered.filter((c) => pure.has(c.proposalId) && matches(c, k)).length;
  return {
    sizes,
    rules: rules.map((rule, ruleIndex) => ({
      ruleIndex,
      rule,
      constraints: constraints
        .filter((k) => k.ruleIndex === ruleIndex)
        .map((k) => ({
          value: k.value,
          min: k.min,
          max: k.max,
          pureCount: pureCount(k),
          finalCount: count(k),
          available: available(k),
        })),
      broughtIn: broughtIn.get(ruleIndex) ?? [],
      pushedOut: pushedOut.get(ruleIndex) ?? [],
    })),
    infeasible: constraints
      .filter((k) => k.min !== null && count(k) < k.min)
      .map((k) => ({
        ruleIndex: k.ruleIndex,
        dimension: k.dimension,
        value: k.value,
        min: k.min as number,
        achieved: count(k),
        reason:
          available(k) < (k.min as number)
            ? ('NOT_ENOUGH_CANDIDATES' as const)
            : ('CONFLICTS_WITH_OTHER_RULES_OR_SIZES' as const),
      })),
    diff: {
      added: finalists.filter((c) => !pure.has(c.proposalId)).map(reported),
      removed: removed.map(reported),
    },
  };
}

function matches(c: FinalistCandidate, k: Constraint): boolean {
  return c.attributes[k.dimension] === k.value;
}

/** The top of each pool by rank alone: what the rules are compared against. */
export function pureRanking(
  ordered: readonly FinalistCandidate[],
  sizes: FinalistSizes,
): Set<string> {
  const taken: Record<FinalistPool, number> = { general: 0, special: 0 };
  const pure = new Set<string>();
  for (const c of ordered) {
    const pool = poolOf(c);
    if (taken[pool] < sizes[pool]) {
      taken[pool] += 1;
      pure.add(c.proposalId);
    }
  }
  return pure;
}

/** Rules with `value: null` become one constraint per value present, in value order. */
function expandRules(
  rules: readonly RepresentationRule[],
  candidates: readonly FinalistCandidate[],
): Constraint[] {
  return rules.flatMap((rule, ruleIndex) => {
    const values =
      rule.value !== null
        ? [rule.value]
        : [
            ...new Set(
              candidates
                .map((c) => c.attributes[rule.dimension])
                .filter((v): v is string => v !== null),
            ),
          ].sort(compareIds);
    return values.map((value) => ({
      ruleIndex,
      dimension: rule.dimension,
      value,
      min: rule.min,
      max: rule.max,
    }));
  });
}

function reported(c: FinalistCandidate): ReportedProposal {
  return { proposalId: c.proposalId, rank: c.rank, score: c.score };
}
