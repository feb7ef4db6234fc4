import type { AuthenticatedUser } from '@kipp/auth';
import type { EditionDirectory } from '../edition/edition-directory';
import type { EditionProjection } from '../edition/edition.schema';
import type { TimeZone } from '@kipp/contracts';
import { ProposalStatusConflictError } from './proposal.errors';
import type { ProposalLoader } from './proposal-loader';
import { EDITABLE_STATUSES, type Proposal } from './proposal.schema';
import type { SubmissionWindow } from './submission-window';

export interface EditableDraftDependencies {
  readonly loader: ProposalLoader;
  readonly editions: EditionDirectory;
  readonly window: SubmissionWindow;
}

export interface EditableDraftRequest {
  readonly proposalId: string;
  readonly actor: AuthenticatedUser;
  /** What the unit is trying to do, named in the conflict error. */
  readonly action: string;
  readonly zone: TimeZone | undefined;
  readonly now: Date;
}

/**
 * What every change the unit makes to its own draft checks first, in this order: the
 * proposal is the caller's unit's (else 404), the edition's submission window is open (else
 * 409 naming the close time), and the proposal is still editable (draft or returned).
 */
export async function loadEditableDraft(
  { loader, editions, window }: EditableDraftDependencies,
  { proposalId, actor, action, zone, now }: EditableDraftRequest,
): Promise<{ proposal: Proposal; edition: EditionProjection }> {
  const proposal = await loader.ofOwnUnit(proposalId, actor);
  const edition = await editions.get(proposal.editionId);
  await window.assertOpen(edition, actor, zone, now);
  if (!EDITABLE_STATUSES.includes(proposal.status)) {
    throw new ProposalStatusConflictError(proposalId, proposal.status, action);
  }
  return { proposal, edition };
}
