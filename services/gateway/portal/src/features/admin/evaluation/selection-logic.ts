/** A pre-filled check of the administrative selection (never binding). */
export interface SelectionCheck {
  readonly check: string;
  readonly outcome: 'pass' | 'warn' | 'fail';
  readonly detail: string;
}

export interface SelectionReason {
  readonly check: string;
  readonly outcome: 'pass' | 'fail';
  readonly note: string;
}

export interface SelectionDecision {
  readonly outcome: 'pass' | 'fail';
  readonly reasons: readonly SelectionReason[];
  readonly revision: number;
  readonly decidedAt: string;
}

export interface SelectionItem {
  readonly proposalId: string;
  readonly institutionId: string;
  readonly institutionName: string | null;
  readonly groupId: string;
  readonly categoryId: string;
  readonly title: string;
  readonly forwardedAt: string;
  readonly withdrawn: boolean;
  readonly checks: readonly SelectionCheck[];
  readonly decision: SelectionDecision | null;
}

/**
 * The reasons a decision starts from: the earlier decision's, else one per check, failed
 * where the check failed (a warning is for the secretariat to judge, so it starts as passed).
 */
export function startingReasons(
  item: Pick<SelectionItem, 'checks' | 'decision'>,
): SelectionReason[] {
  if (item.decision) return item.decision.reasons.map((r) => ({ ...r }));
  return item.checks.map((c) => ({
    check: c.check,
    outcome: c.outcome === 'fail' ? 'fail' : 'pass',
    note: c.outcome === 'pass' ? '' : c.detail,
  }));
}

/** The outcome the reasons point to: fail when any reason failed. */
export function outcomeOf(reasons: readonly SelectionReason[]): 'pass' | 'fail' {
  return reasons.some((r) => r.outcome === 'fail') ? 'fail' : 'pass';
}

/** The service's two rules on a decision, checked before sending (codes as the service names them). */
export function decisionProblem(
  outcome: 'pass' | 'fail',
  reasons: readonly SelectionReason[],
): 'SELECTION_FAIL_WITHOUT_REASON' | 'SELECTION_PASS_WITH_FAILED_REASON' | null {
  const failed = reasons.some((r) => r.outcome === 'fail');
  if (outcome === 'fail' && !failed) return 'SELECTION_FAIL_WITHOUT_REASON';
  if (outcome === 'pass' && failed) return 'SELECTION_PASS_WITH_FAILED_REASON';
  return null;
}

/** The proposals a bulk "pass" may take: undecided, not withdrawn, every check passed. */
export function clearPasses(items: readonly SelectionItem[]): SelectionItem[] {
  return items.filter(
    (i) => !i.withdrawn && i.decision === null && i.checks.every((c) => c.outcome === 'pass'),
  );
}
