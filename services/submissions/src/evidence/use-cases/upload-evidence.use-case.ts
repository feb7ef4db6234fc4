import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { detectFileType } from '@kipp/service-kit';
import type { EditionProjection } from '../../edition/edition.schema';
import type { ProposalEvidence } from '../../proposal/proposal.schema';
import { SubmissionWindow } from '../../proposal/submission-window';
import { loadProposalForEvidenceChange, snapshotFileIds } from '../evidence-access';
import {
  EVIDENCE_STORAGE,
  type EvidenceContentType,
  type EvidenceStorage,
} from '../evidence-storage';
import type { StagedEvidence } from '../evidence-upload.engine';
import { EXTENSION_OF } from '../evidence-type';
import {
  EvidenceMissingError,
  EvidenceRequirementUnknownError,
  EvidenceTooLargeError,
  EvidenceTypeNotAllowedError,
  ProposalNotEditableError,
  ProposalRevisionConflictError,
} from '../evidence.errors';
import { EvidenceRepository, type ProposalForEvidence } from '../evidence.repository';

/**
 * The hard cap of the upload itself (multer cuts the stream here): the largest `maxSizeBytes`
 * the edition contract allows. The requirement's own limit is enforced while the file
 * streams (413 EVIDENCE_TOO_LARGE).
 */
export const MAX_EVIDENCE_UPLOAD_BYTES = 50 * 1024 * 1024;

export const evidenceParamsSchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  evidenceId: z.string().min(1).max(48),
});
export type EvidenceParams = z.infer<typeof evidenceParamsSchema>;

type EvidenceRequirement = EditionProjection['configuration']['form']['evidence'][number];

/** What `prepare` established before any byte is stored, and what `record` writes against. */
export interface PreparedEvidenceUpload {
  evidenceId: string;
  /** As read: its `revision` is the one the final write is conditional on. */
  proposal: ProposalForEvidence;
  edition: EditionProjection;
  requirement: Pick<EvidenceRequirement, 'maxSizeBytes' | 'allowedTypes'>;
}

/**
 * The requirement's size limit: checked on every chunk while streaming (`complete` false, the
 * file's full size unknown) and on the whole stored file when recording.
 */
export function assertEvidenceSize(
  prepared: PreparedEvidenceUpload,
  sizeBytes: number,
  complete: boolean,
): void {
  const { maxSizeBytes } = prepared.requirement;
  if (sizeBytes > maxSizeBytes) {
    throw new EvidenceTooLargeError(
      prepared.evidenceId,
      maxSizeBytes,
      complete ? sizeBytes : undefined,
    );
  }
}

/** The type the first bytes reveal, if the requirement accepts it. */
export function acceptedEvidenceType(
  prepared: PreparedEvidenceUpload,
  head: Buffer,
): EvidenceContentType {
  const contentType = detectFileType(head);
  if (!contentType || !prepared.requirement.allowedTypes.includes(contentType)) {
    throw new EvidenceTypeNotAllowedError(
      prepared.evidenceId,
      contentType,
      prepared.requirement.allowedTypes,
    );
  }
  return contentType;
}

/**
 * The unit attaches (or replaces) the file answering one of the edition's evidence
 * requirements, in two steps around the upload stream:
 * - `prepare` runs before a byte is stored (`EvidenceUploadGuard`): scope, status, close and
 *   requirement. The upload engine then enforces the requirement's size and type while the
 *   file streams into storage (`StreamingEvidenceEngine`).
 * - `record` checks the stored file once more, describes it and points the proposal at it,
 *   conditionally on the revision `prepare` read: a proposal never points at a half-written
 *   file, and a refused file or a lost race removes the file it uploaded.
 */
@Injectable()
export class UploadEvidenceUseCase {
  private readonly logger = new Logger(UploadEvidenceUseCase.name);

  constructor(
    private readonly repository: EvidenceRepository,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly window: SubmissionWindow,
  ) {}

  /** Everything that can be decided without the file. Throws the refusal; stores nothing. */
  async prepare(
    user: AuthenticatedUser,
    params: EvidenceParams,
    now = new Date(),
  ): Promise<PreparedEvidenceUpload> {
    const { proposal, edition } = await loadProposalForEvidenceChange(
      this.repository,
      this.window,
      user,
      params.proposalId,
      now,
    );

    const requirement = edition?.configuration.form.evidence.find(
      (candidate) =>
        candidate.evidenceId === params.evidenceId && candidate.groups.includes(proposal.groupId),
    );
    if (!edition || !requirement) {
      throw new EvidenceRequirementUnknownError(params.evidenceId, proposal.groupId);
    }
    return { evidenceId: params.evidenceId, proposal, edition, requirement };
  }

  /** Accepts the stored file for `prepared`, or deletes it and throws why not. */
  async record(
    user: AuthenticatedUser,
    prepared: PreparedEvidenceUpload,
    file: StagedEvidence | undefined,
  ): Promise<ProposalEvidence> {
    if (!file) throw new EvidenceMissingError();
    const progress = { recording: false };
    try {
      return await this.accept(user, prepared, file, progress);
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
    prepared: PreparedEvidenceUpload,
    file: StagedEvidence,
    progress: { recording: boolean },
  ): Promise<ProposalEvidence> {
    const now = new Date();
    const { proposal, evidenceId } = prepared;
    if (file.size === 0) throw new EvidenceMissingError();
    // The engine enforced both while streaming; kept here so no other path can skip them.
    assertEvidenceSize(prepared, file.size, true);
    const contentType = acceptedEvidenceType(prepared, file.head);
    // The close may have passed while the file was streaming: nothing is accepted after it.
    await this.window.assertOpen(prepared.edition, user, undefined, now);

    const { fileId, sha256 } = file;
    const filename = storedFilename(file.originalname, evidenceId, EXTENSION_OF[contentType]);
    await this.storage.describe(fileId, {
      proposalId: proposal._id,
      evidenceId,
      filename,
      contentType,
      sha256,
    });
    const entry: ProposalEvidence = {
      evidenceId,
      fileId,
      filename,
      contentType,
      sizeBytes: file.size,
      sha256,
      uploadedBy: user.accountId,
      uploadedAt: now,
    };
    const previous = proposal.evidence.find((existing) => existing.evidenceId === evidenceId);
    const evidence = [
      ...proposal.evidence.filter((existing) => existing.evidenceId !== evidenceId),
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
      // The proposal changed since `prepare` read it; `record` deletes the file it uploaded.
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
