import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { assertUnitScope, type AuthenticatedUser } from '@kipp/auth';
import { detectFileType } from '@kipp/service-kit';
import type { ProposalEvidence } from '../../proposal/proposal.schema';
import { SubmissionWindow } from '../../proposal/submission-window';
import { assertEvidenceEditable, snapshotFileIds } from '../evidence-access';
import { EVIDENCE_STORAGE, type EvidenceStorage } from '../evidence-storage';
import type { StagedEvidence } from '../evidence-upload.engine';
import { EXTENSION_OF } from '../evidence-type';
import {
  EvidenceMissingError,
  EvidenceRequirementUnknownError,
  EvidenceTooLargeError,
  EvidenceTypeNotAllowedError,
  ProposalNotEditableError,
  ProposalNotFoundError,
  ProposalRevisionConflictError,
} from '../evidence.errors';
import { EvidenceRepository } from '../evidence.repository';

/**
 * The hard cap of the upload itself (multer streams it to storage and cuts it here), before
 * any requirement is known: the largest `maxSizeBytes` the edition contract allows. The
 * requirement's own limit is checked afterwards (413 EVIDENCE_TOO_LARGE).
 */
export const MAX_EVIDENCE_UPLOAD_BYTES = 50 * 1024 * 1024;

export const evidenceParamsSchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(48),
});
export type EvidenceParams = z.infer<typeof evidenceParamsSchema>;

/**
 * The unit attaches (or replaces) the file answering one of the edition's evidence
 * requirements. The upload arrives already streamed into storage (`StreamingEvidenceEngine`)
 * and is checked here; a refused one is deleted. The proposal is updated after,
 * conditionally on the revision read: a proposal never points at a half-written file, and a
 * lost race removes the file it uploaded.
 */
@Injectable()
export class UploadEvidenceUseCase {
  private readonly logger = new Logger(UploadEvidenceUseCase.name);

  constructor(
    private readonly repository: EvidenceRepository,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly window: SubmissionWindow,
  ) {}

  async execute(
    user: AuthenticatedUser,
    params: EvidenceParams,
    file: StagedEvidence | undefined,
  ): Promise<ProposalEvidence> {
    if (!file) throw new EvidenceMissingError();
    const progress = { recording: false };
    try {
      return await this.accept(user, params, file, progress);
    } catch (error) {
      // A write to the proposal that failed without an answer may have applied: the file
      // stays, and the orphan sweep removes it if nothing points at it.
      if (progress.recording) throw error;
      // Whatever else refused it, the staged file must not linger.
      await this.storage.delete(file.fileId).catch((cleanupError: unknown) => {
        this.logger.warn({ err: cleanupError, fileId: file.fileId }, 'refused upload not deleted');
      });
      throw error;
    }
  }

  private async accept(
    user: AuthenticatedUser,
    params: EvidenceParams,
    file: StagedEvidence,
    progress: { recording: boolean },
  ): Promise<ProposalEvidence> {
    const now = new Date();
    if (file.size === 0) throw new EvidenceMissingError();
    const proposal = await this.repository.findProposal(params.proposalId);
    if (!proposal) throw new ProposalNotFoundError(params.proposalId);
    assertUnitScope(user, proposal.institutionId, proposal.unitId);
    assertEvidenceEditable(proposal);
    const edition = await this.repository.findEdition(proposal.editionId);
    if (edition) await this.window.assertOpen(edition, user, undefined, now);

    const requirement = edition?.configuration.form.evidence.find(
      (candidate) =>
        candidate.evidenceId === params.evidenceId && candidate.groups.includes(proposal.groupId),
    );
    if (!requirement)
      throw new EvidenceRequirementUnknownError(params.evidenceId, proposal.groupId);
    if (file.size > requirement.maxSizeBytes) {
      throw new EvidenceTooLargeError(params.evidenceId, file.size, requirement.maxSizeBytes);
    }
    const contentType = detectFileType(file.head);
    if (!contentType || !requirement.allowedTypes.includes(contentType)) {
      throw new EvidenceTypeNotAllowedError(
        params.evidenceId,
        contentType,
        requirement.allowedTypes,
      );
    }

    const { fileId, sha256 } = file;
    const filename = storedFilename(
      file.originalname,
      params.evidenceId,
      EXTENSION_OF[contentType],
    );
    await this.storage.describe(fileId, {
      proposalId: proposal._id,
      evidenceId: params.evidenceId,
      filename,
      contentType,
      sha256,
    });
    const entry: ProposalEvidence = {
      evidenceId: params.evidenceId,
      fileId,
      filename,
      contentType,
      sizeBytes: file.size,
      sha256,
      uploadedBy: user.accountId,
      uploadedAt: now,
    };
    const previous = proposal.evidence.find(
      (existing) => existing.evidenceId === params.evidenceId,
    );
    const evidence = [
      ...proposal.evidence.filter((existing) => existing.evidenceId !== params.evidenceId),
      entry,
    ];
    progress.recording = true;
    const applied = await this.repository.replaceEvidence(
      proposal._id,
      proposal.revision,
      evidence,
    );
    progress.recording = false;
    if (!applied) {
      // The proposal changed meanwhile; `execute` deletes the file it uploaded.
      const current = await this.repository.findProposal(proposal._id);
      if (current && current.status !== proposal.status) {
        throw new ProposalNotEditableError(proposal._id, current.status);
      }
      throw new ProposalRevisionConflictError(proposal._id);
    }
    // A replaced file frozen in an earlier snapshot stays: the ministry side still reads it.
    if (previous && !snapshotFileIds(proposal).has(previous.fileId)) {
      // The new file is recorded; a failed clean-up leaves an orphan for a later sweep, not an error.
      await this.storage.delete(previous.fileId).catch((error: unknown) => {
        this.logger.warn(
          { err: error, fileId: previous.fileId },
          'replaced evidence file not deleted',
        );
      });
    }
    return entry;
  }
}

/**
 * The client's name without its extension (which may lie), made header-safe, plus the
 * extension of the type the content really has.
 */
export function storedFilename(originalName: string, fallback: string, extension: string): string {
  const base = originalName
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || fallback}.${extension}`;
}
