import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import type { ProposalEvidence } from '../../proposal/proposal.schema';
import { visibleEvidence } from '../evidence-access';
import { EVIDENCE_STORAGE, type EvidenceStorage } from '../evidence-storage';
import { EvidenceFileNotFoundError, ProposalNotFoundError } from '../evidence.errors';
import { EvidenceRepository } from '../evidence.repository';
import { ReaderGrants } from '../../reader-grant/reader-grants';

export const evidenceFileParamsSchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  fileId: z.string().min(1).max(64),
});
export type EvidenceFileParams = z.infer<typeof evidenceFileParamsSchema>;

export type EvidenceDownload = Pick<ProposalEvidence, 'filename' | 'contentType' | 'sha256'> & {
  stream: Readable;
  sizeBytes: number;
};

/**
 * A file of a proposal, for its unit, its institution's local admin, or — once the file is
 * in a forwarded snapshot — the national admin, an evaluator assigned the proposal and,
 * while it is a finalist, any panelist (`visibleEvidence`). A file the caller may not see
 * is answered as missing, so its existence is not revealed.
 */
@Injectable()
export class DownloadEvidenceUseCase {
  constructor(
    private readonly repository: EvidenceRepository,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly grants: ReaderGrants,
  ) {}

  async execute(user: AuthenticatedUser, params: EvidenceFileParams): Promise<EvidenceDownload> {
    const proposal = await this.repository.findProposal(params.proposalId);
    if (!proposal) throw new ProposalNotFoundError(params.proposalId);
    const grant = await this.grants.grantOf(user, proposal._id);
    const entry = visibleEvidence(user, proposal, params.fileId, grant);
    if (!entry) throw new EvidenceFileNotFoundError(params.fileId);
    const stored = await this.storage.get(entry.fileId);
    if (!stored) throw new EvidenceFileNotFoundError(params.fileId);
    return {
      stream: stored.stream,
      sizeBytes: stored.sizeBytes,
      filename: entry.filename,
      contentType: entry.contentType,
      sha256: entry.sha256,
    };
  }
}
