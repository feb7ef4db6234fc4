import { assertUnitScope, type AuthenticatedUser } from '@kipp/auth';
import type { ProposalEvidence } from '../proposal/proposal.schema';
import type { EditionProjection } from '../edition/edition.schema';
import type { SubmissionWindow } from '../proposal/submission-window';
import type { EvidenceRepository, ProposalForEvidence } from './evidence.repository';
import { ProposalNotEditableError, ProposalNotFoundError } from './evidence.errors';
import { EDITABLE_STATUSES } from '../proposal/proposal.schema';

/** Files frozen in a forwarded snapshot: the ministry side relies on them, never delete. */
export function snapshotFileIds(proposal: ProposalForEvidence): Set<string> {
  return new Set(
    proposal.snapshots.flatMap((snapshot) => snapshot.evidence.map((entry) => entry.fileId)),
  );
}

/**
 * The evidence entry `fileId` belongs to, as the caller may see it: the unit and the local
 * admin see current and snapshotted files of their proposals; the national admin only files
 * in a forwarded snapshot. Null when the caller may not see it (or it is not this proposal's).
 */
export function visibleEvidence(
  user: AuthenticatedUser,
  proposal: ProposalForEvidence,
  fileId: string,
): Pick<ProposalEvidence, 'fileId' | 'filename' | 'contentType' | 'sha256'> | null {
  const inSnapshots = proposal.snapshots
    .flatMap((snapshot) => snapshot.evidence)
    .find((entry) => entry.fileId === fileId);
  if (user.roles.includes('national_admin')) return inSnapshots ?? null;
  assertUnitScope(user, proposal.institutionId, proposal.unitId);
  return proposal.evidence.find((entry) => entry.fileId === fileId) ?? inSnapshots ?? null;
}

/** The unit may change its evidence only while the proposal is editable. */
export function assertEvidenceEditable(proposal: ProposalForEvidence): void {
  if (!EDITABLE_STATUSES.includes(proposal.status)) {
    throw new ProposalNotEditableError(proposal._id, proposal.status);
  }
}

/**
 * The proposal whose evidence the unit is about to change, checked in the order every
 * change checks it: it exists, it is the caller's unit's, it is editable, and the
 * submission window is open.
 */
export async function loadProposalForEvidenceChange(
  repository: EvidenceRepository,
  window: SubmissionWindow,
  user: AuthenticatedUser,
  proposalId: string,
  now: Date,
): Promise<{ proposal: ProposalForEvidence; edition: EditionProjection | null }> {
  const proposal = await repository.findProposal(proposalId);
  if (!proposal) throw new ProposalNotFoundError(proposalId);
  assertUnitScope(user, proposal.institutionId, proposal.unitId);
  assertEvidenceEditable(proposal);
  const edition = await repository.findEdition(proposal.editionId);
  if (edition) await window.assertOpen(edition, user, undefined, now);
  return { proposal, edition };
}
