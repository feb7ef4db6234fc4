import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { EditionDirectory } from '../../edition/edition-directory';
import type { TimeZone } from '@kipp/contracts';
import { EligibilityRunner } from '../eligibility-runner';
import { ProposalNotFoundError, ProposalRevisionConflictError } from '../proposal.errors';
import { ProposalLoader } from '../proposal-loader';
import { loadEditableDraft } from '../editable-draft';
import { ProposalRepository } from '../proposal.repository';
import { EDITABLE_STATUSES, type Proposal } from '../proposal.schema';
import { SubmissionWindow } from '../submission-window';

/** The unit operator signs the integrity declaration of its draft. */
@Injectable()
export class SignIntegrityDeclarationUseCase {
  constructor(
    private readonly proposals: ProposalRepository,
    private readonly loader: ProposalLoader,
    private readonly editions: EditionDirectory,
    private readonly window: SubmissionWindow,
    private readonly eligibility: EligibilityRunner,
  ) {}

  async execute(
    proposalId: string,
    revision: number,
    actor: AuthenticatedUser,
    zone?: TimeZone,
    now = new Date(),
  ): Promise<Proposal> {
    const { proposal, edition } = await loadEditableDraft(
      { loader: this.loader, editions: this.editions, window: this.window },
      { proposalId, actor, action: 'sign', zone, now },
    );
    const integrityDeclaration = { signedBy: actor.accountId, signedAt: now };
    const checks = await this.eligibility.run({ ...proposal, integrityDeclaration }, edition);
    const saved = await this.proposals.changeContent(proposalId, revision, EDITABLE_STATUSES, {
      integrityDeclaration,
      eligibility: checks,
      eligibilityCheckedAt: now,
    });
    const current = await this.proposals.findById(proposalId);
    if (!current) throw new ProposalNotFoundError(proposalId);
    if (!saved) throw new ProposalRevisionConflictError(proposalId, revision, current.revision);
    return current;
  }
}
