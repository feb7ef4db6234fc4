/** The kinds of conflict of interest that rule a pair out. */
export const CONFLICT_KINDS = [
  'affiliation',
  'past-engagement',
  'declared-conflict',
  'same-province',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** Why an evaluator cannot take a proposal: a conflict, or a reason of the assignment itself. */
export type ExclusionReason = ConflictKind | 'already-paired' | 'max-load';

/** Regional governments: an evaluator from the same province may know them too well. */
const PEMDA_TYPES: ReadonlySet<string> = new Set(['province', 'regency', 'city']);

export interface ConflictProposal {
  readonly institutionId: string;
  readonly institutionName: string | null;
  readonly institutionType: string | null;
  readonly provinceCode: string | null;
}

export interface ConflictEvaluator {
  readonly affiliation: string;
  readonly homeProvinceCode: string | null;
  readonly pastEngagementInstitutionIds: readonly string[];
  readonly declaredConflictInstitutionIds: readonly string[];
}

/** The first conflict of interest between the pair, or null when there is none. */
export function conflictOf(
  proposal: ConflictProposal,
  evaluator: ConflictEvaluator,
): ConflictKind | null {
  if (
    proposal.institutionName !== null &&
    normalizeName(evaluator.affiliation) === normalizeName(proposal.institutionName)
  ) {
    return 'affiliation';
  }
  if (evaluator.pastEngagementInstitutionIds.includes(proposal.institutionId)) {
    return 'past-engagement';
  }
  if (evaluator.declaredConflictInstitutionIds.includes(proposal.institutionId)) {
    return 'declared-conflict';
  }
  if (
    proposal.institutionType !== null &&
    PEMDA_TYPES.has(proposal.institutionType) &&
    proposal.provinceCode !== null &&
    proposal.provinceCode === evaluator.homeProvinceCode
  ) {
    return 'same-province';
  }
  return null;
}

/** Case, spacing and punctuation do not make two names different organisations. */
function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
