import { assertUnitScope, hasAnyRole, type AuthenticatedUser, type Role } from '@kipp/auth';
import type { ProposalEvidence } from '../proposal/proposal.schema';
import type { EditionProjection } from '../edition/edition.schema';
import type { SubmissionWindow } from '../proposal/submission-window';
import type { EvidenceRepository, ProposalForEvidence } from './evidence.repository';
import { ProposalNotEditableError, ProposalNotFoundError } from './evidence.errors';
import { EDITABLE_STATUSES } from '../proposal/proposal.schema';
import type { ReaderGrant } from '../reader-grant/reader-grant';

/** Roles that see a proposal through its unit and institution. */
const UNIT_ROLES: readonly Role[] = ['local_admin', 'unit_operator'];

/** Files frozen in a forwarded snapshot: the ministry side relies on them, never delete. */
export function snapshotFileIds(proposal: ProposalForEvidence): Set<string> {
  return new Set(
    proposal.snapshots.flatMap((snapshot) => snapshot.evidence.map((entry) => entry.fileId)),
  );
}

/** Whether the caller reads the proposal's forwarded snapshots, as the ministry side does. */
function readsSnapshots(user: AuthenticatedUser, grant: ReaderGrant): boolean {
  return (
    user.roles.includes('national_admin') ||
    (user.roles.includes('evaluator') && grant.assigned) ||
    (user.roles.includes('panelist') && grant.finalist)
  );
}

/**
 * The evidence entry `fileId` belongs to, as the caller may see it: the unit and the local
 * admin see current and snapshotted files of their proposals; the national admin, an
 * evaluator assigned the proposal and (while it is a finalist) every panelist only files in
 * a forwarded snapshot, never the unit's current files. Null when the caller may not see it
 * (or it is not this proposal's). An evaluator or panelist without a grant is told the
 * proposal does not exist, exactly as for an id that names none.
 */
export function visibleEvidence(
  user: AuthenticatedUser,
  proposal: ProposalForEvidence,
  fileId: string,
  grant: ReaderGrant,
): Pick<ProposalEvidence, 'fileId' | 'filename' | 'contentType' | 'sha256'> | null {
  const inSnapshots = proposal.snapshots
    .flatMap((snapshot) => snapshot.evidence)
    .find((entry) => entry.fileId === fileId);
  const snapshotReader = readsSnapshots(user, grant);
  if (snapshotReader && inSnapshots) return inSnapshots;
  if (!user.roles.includes('national_admin') && hasAnyRole(user, UNIT_ROLES)) {
    assertUnitScope(user, proposal.institutionId, proposal.unitId);
    return proposal.evidence.find((entry) => entry.fileId === fileId) ?? inSnapshots ?? null;
  }
  if (snapshotReader) return null;
  throw new ProposalNotFoundError(proposal._id);
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
