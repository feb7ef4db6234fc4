import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { SubmissionWindow } from '../../proposal/submission-window';
import { loadProposalForEvidenceChange, snapshotFileIds } from '../evidence-access';
import { EVIDENCE_STORAGE, type EvidenceStorage } from '../evidence-storage';
import { EvidenceNotAttachedError, ProposalRevisionConflictError } from '../evidence.errors';
import { EvidenceRepository } from '../evidence.repository';
import type { EvidenceParams } from './upload-evidence.use-case';

/** The unit removes the file it attached for a requirement, while the proposal is editable. */
@Injectable()
export class DeleteEvidenceUseCase {
  private readonly logger = new Logger(DeleteEvidenceUseCase.name);

  constructor(
    private readonly repository: EvidenceRepository,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly window: SubmissionWindow,
  ) {}

  async execute(user: AuthenticatedUser, params: EvidenceParams): Promise<void> {
    const now = new Date();
    const { proposal } = await loadProposalForEvidenceChange(
      this.repository,
      this.window,
      user,
      params.proposalId,
      now,
    );

    const entry = proposal.evidence.find((existing) => existing.evidenceId === params.evidenceId);
    if (!entry) throw new EvidenceNotAttachedError(params.evidenceId);
    const evidence = proposal.evidence.filter((existing) => existing !== entry);
    if (!(await this.repository.replaceEvidence(proposal._id, proposal.revision, evidence))) {
      throw new ProposalRevisionConflictError(proposal._id);
    }
    if (!snapshotFileIds(proposal).has(entry.fileId)) {
      // The proposal no longer points at it; a failed clean-up leaves an orphan for a later sweep.
      await this.storage.delete(entry.fileId).catch((error: unknown) => {
        this.logger.warn({ err: error, fileId: entry.fileId }, 'removed evidence file not deleted');
      });
    }
  }
}
