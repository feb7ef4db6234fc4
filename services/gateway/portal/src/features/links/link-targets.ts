import type { Role } from '../../auth/roles';

/** What a mail about a proposal is about, from the last segment of its link. */
export type ProposalAspect = 'selection' | 'objections' | 'interview' | 'results';

/** Where a mail's proposal link takes a signed-in person, by their roles. */
export function proposalLinkTarget(
  proposalId: string,
  aspect: ProposalAspect | null,
  roles: readonly Role[],
): string {
  const id = encodeURIComponent(proposalId);
  if (roles.includes('unit_operator')) return `/operator/proposals/${id}`;
  if (aspect === 'interview') return '/local-admin/interview';
  return `/local-admin/proposals/${id}`;
}

/** Where a mail's assignment link takes an evaluator: the sheet, or their list. */
export function assignmentLinkTarget(assignmentId: string | null): string {
  return assignmentId === null
    ? '/evaluator'
    : `/evaluator/assignments/${encodeURIComponent(assignmentId)}`;
}
