import type { REPRESENTATION_DIMENSIONS, RepresentationRule } from '@kipp/contracts';
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

/**
 * Composes the finalists: the best by score subject to the representation rules.
 *
 * Greedy with repair, deterministic for the same input:
 * 1. A rule with `value: null` stands for one constraint per value the shortlist holds.
 * 2. Walk the shortlist in rank order; take a candidate while its pool has room and no max
 *    would be exceeded.
 * 3. While a min is short, bring in the best-ranked candidate that has the value; if its
 *    pool is full (or a max is in its way) it replaces the worst-ranked finalist (of that
 *    pool when it is full) whose removal leaves every min that is met still met and whose
 *    replacement exceeds no max; failing that, a chain of two such moves where the first
 *    breaks one other min and the second mends it. Each step lowers the total shortfall,
 *    so repair ends; a max is never exceeded.
 * 4. Fill any slot still free in rank order (a repair can free a max).
 * A min that stays short is reported as infeasible: too few candidates with the value,
 * or in conflict with a max or the stage sizes.
 */
export function selectFinalists(
  candidates: readonly FinalistCandidate[],
  rules: readonly RepresentationRule[],
  sizes: FinalistSizes,
): FinalistSelection {
  const ordered = [...candidates].sort(
    (a, b) => a.rank - b.rank || b.score - a.score || compareIds(a.proposalId, b.proposalId),
  );
  const constraints = expandRules(rules, ordered);
  const matches = (c: FinalistCandidate, k: Constraint) => c.attributes[k.dimension] === k.value;
  const selected = new Set<string>();
  const poolCount: Record<FinalistPool, number> = { general: 0, special: 0 };
  const counts = new Map<Constraint, number>(constraints.map((k) => [k, 0]));
  const count = (k: Constraint) => counts.get(k) ?? 0;
  const add = (c: FinalistCandidate) => {
    selected.add(c.proposalId);
    poolCount[poolOf(c)] += 1;
    for (const k of constraints) if (matches(c, k)) counts.set(k, count(k) + 1);
  };
  const remove = (c: FinalistCandidate) => {
    selected.delete(c.proposalId);
    poolCount[poolOf(c)] -= 1;
    for (const k of constraints) if (matches(c, k)) counts.set(k, count(k) - 1);
  };
  const blockingMax = (c: FinalistCandidate, leaving: FinalistCandidate | null) =>
    constraints.find(
      (k) =>
        k.max !== null &&
        matches(c, k) &&
        !(leaving !== null && matches(leaving, k)) &&
        count(k) + 1 > k.max,
    );
  const hasRoom = (c: FinalistCandidate) => poolCount[poolOf(c)] < sizes[poolOf(c)];

  const pure = pureRanking(ordered, sizes);
  const broughtIn = new Map<number, ReportedProposal[]>();
  const pushedOut = new Map<number, ReportedProposal[]>();
  const credit = (map: Map<number, ReportedProposal[]>, ruleIndex: number, c: FinalistCandidate) =>
    map.set(ruleIndex, [...(map.get(ruleIndex) ?? []), reported(c)]);

  // 2. Rank order under the maxes.
  const blockedPure: Record<FinalistPool, Constraint[]> = { general: [], special: [] };
  for (const c of ordered) {
    if (!hasRoom(c)) continue;
    const blocking = blockingMax(c, null);
    if (blocking) {
      if (pure.has(c.proposalId)) {
        credit(pushedOut, blocking.ruleIndex, c);
        blockedPure[poolOf(c)].push(blocking);
      }
      continue;
    }
    add(c);
    // A candidate beyond the pure cut-off took the slot a max freed: credit that max.
    if (!pure.has(c.proposalId)) {
      const freedBy = blockedPure[poolOf(c)].shift();
      if (freedBy) credit(broughtIn, freedBy.ruleIndex, c);
    }
  }

  // 3. Repair the mins.
  const findMove = (
    k: Constraint,
  ): { in: FinalistCandidate; out: FinalistCandidate | null } | null => {
    for (const c of ordered) {
      if (selected.has(c.proposalId) || !matches(c, k)) continue;
      const room = hasRoom(c);
      if (room && !blockingMax(c, null)) return { in: c, out: null };
      // A full pool, or a max in the way: replace someone, worst-ranked first (from the same
      // pool when it is full; a freed slot elsewhere is filled in step 4).
      for (let i = ordered.length - 1; i >= 0; i -= 1) {
        const r = ordered[i] as FinalistCandidate;
        if (!selected.has(r.proposalId) || matches(r, k)) continue;
        if (!room && poolOf(r) !== poolOf(c)) continue;
        const breaksMin = constraints.some(
          (k2) => k2.min !== null && matches(r, k2) && !matches(c, k2) && count(k2) - 1 < k2.min,
        );
        if (!breaksMin && !blockingMax(c, r)) return { in: c, out: r };
      }
    }
    return null;
  };
  type Move = { in: FinalistCandidate; out: FinalistCandidate | null; constraint: Constraint };
  /**
   * When no single move meets `k`: a swap that breaks exactly one other min, followed by a
   * single move that mends it (a chain of two; covers a slot held by the only finalist of
   * some value when a candidate for that value fits elsewhere).
   */
  const findChain = (k: Constraint): Move[] | null => {
    for (const c of ordered) {
      if (selected.has(c.proposalId) || !matches(c, k)) continue;
      const room = hasRoom(c);
      for (let i = ordered.length - 1; i >= 0; i -= 1) {
        const r = ordered[i] as FinalistCandidate;
        if (!selected.has(r.proposalId) || matches(r, k)) continue;
        if (!room && poolOf(r) !== poolOf(c)) continue;
        if (blockingMax(c, r)) continue;
        const broken = constraints.filter(
          (k2) => k2.min !== null && matches(r, k2) && !matches(c, k2) && count(k2) - 1 < k2.min,
        );
        if (broken.length !== 1) continue;
        const [mend] = broken as [Constraint];
        remove(r);
        add(c);
        const fix = findMove(mend);
        if (fix && fix.in.proposalId !== r.proposalId) {
          if (fix.out) remove(fix.out);
          add(fix.in);
          return [
            { in: c, out: r, constraint: k },
            { ...fix, constraint: mend },
          ];
        }
        remove(c);
        add(r);
      }
    }
    return null;
  };
  const creditMove = (move: Move) => {
    if (move.out) credit(pushedOut, move.constraint.ruleIndex, move.out);
    credit(broughtIn, move.constraint.ruleIndex, move.in);
  };
  for (const k of constraints) {
    if (k.min === null) continue;
    while (count(k) < k.min) {
      const move = findMove(k);
      if (move) {
        if (move.out) remove(move.out);
        add(move.in);
        creditMove({ ...move, constraint: k });
        continue;
      }
      const chain = findChain(k);
      if (!chain) break;
      chain.forEach(creditMove);
    }
  }

  // 4. Free slots, in rank order.
  for (const c of ordered) {
    if (!selected.has(c.proposalId) && hasRoom(c) && !blockingMax(c, null)) add(c);
  }

  const available = (k: Constraint) => ordered.filter((c) => matches(c, k)).length;
  const pureCount = (k: Constraint) =>
    ordered.filter((c) => pure.has(c.proposalId) && matches(c, k)).length;
  const report: TransparencyReport = {
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
      added: ordered
        .filter((c) => selected.has(c.proposalId) && !pure.has(c.proposalId))
        .map(reported),
      removed: ordered
        .filter((c) => !selected.has(c.proposalId) && pure.has(c.proposalId))
        .map(reported),
    },
  };
  return {
    entries: ordered.map((c) => ({ ...reported(c), advanced: selected.has(c.proposalId) })),
    report,
  };
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
