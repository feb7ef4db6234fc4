import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ObjectionFiledV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { storeUploads } from '@kipp/service-kit';
import { phaseWindow, requireEvaluatedEdition } from '../../edition/evaluated-edition';
import { StageRepository } from '../../stage/stage.repository';
import { ObjectionEvidenceStorage } from '../objection-evidence.storage';
import { ObjectionRateLimiter } from '../objection-rate-limiter';
import { windowInWib } from '../objection-window';
import {
  NotAFinalistError,
  ObjectionWindowClosedError,
  UnsupportedEvidenceTypeError,
} from '../objection.errors';
import { ObjectionRepository } from '../objection.repository';
import type { ObjectionEvidence } from '../objection.schema';

export const MAX_OBJECTION_FILES = 3;
export const MAX_OBJECTION_FILE_BYTES = 5 * 1024 * 1024;

export const fileObjectionBodySchema = z.strictObject({
  proposalId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  grounds: z.string().trim().min(20).max(5000),
});
export type FileObjectionBody = z.infer<typeof fileObjectionBodySchema>;

/** A file as multer (memory storage) hands it over. */
export interface UploadedObjectionFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface FiledObjection {
  objectionId: string;
  proposalId: string;
  editionId: string;
  evidenceCount: number;
  filedAt: Date;
}

/**
 * Anyone files an objection against a current finalist while the edition's objection
 * window is open, with up to three evidence files (checked by their bytes). The files are
 * stored first; the objection and its `ObjectionFiledV1` are then one write, and the files
 * are removed again if that write fails.
 */
@Injectable()
export class FileObjectionUseCase {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly stages: StageRepository,
    private readonly storage: ObjectionEvidenceStorage,
    private readonly rateLimiter: ObjectionRateLimiter,
    private readonly outbox: OutboxNotifier,
  ) {}

  async execute(
    editionId: string,
    ip: string,
    body: FileObjectionBody,
    files: readonly UploadedObjectionFile[],
    now = new Date(),
  ): Promise<FiledObjection> {
    await this.rateLimiter.consume(ip);
    const edition = requireEvaluatedEdition(editionId, await this.stages.findEdition(editionId));
    // The edition's phase decides (the scheduler moves it at the calendar's instants, the
    // secretariat may move it by hand); the error names the window as the calendar plans it.
    if (edition.currentPhase !== 'objection') {
      throw new ObjectionWindowClosedError(
        editionId,
        windowInWib(phaseWindow(edition.configuration, 'objection')),
      );
    }
    const finalists = await this.stages.latest(editionId, 'finalists');
    const entry = finalists?.entries.find((e) => e.proposalId === body.proposalId && e.advanced);
    const proposal = entry ? await this.stages.findProposal(body.proposalId) : null;
    if (
      !entry ||
      !proposal ||
      proposal.disqualification !== null ||
      proposal.withdrawnAt !== null
    ) {
      throw new NotAFinalistError(body.proposalId);
    }
    const objectionId = `obj_${randomUUID()}`;
    const evidenceCount = await storeUploads(
      this.storage,
      files,
      {
        unsupported: (file) => new UnsupportedEvidenceTypeError(file.originalname),
        metadataOf: (upload) => ({
          editionId,
          proposalId: body.proposalId,
          filename: upload.filename,
          contentType: upload.contentType,
          sha256: upload.sha256,
        }),
      },
      async (stored) => {
        const evidence: ObjectionEvidence[] = stored.map((upload) => ({
          fileId: upload.fileId,
          filename: upload.filename,
          contentType: upload.contentType,
          sizeBytes: upload.sizeBytes,
          sha256: upload.sha256,
        }));
        const event = createEvent(ObjectionFiledV1, {
          objectionId,
          proposalId: body.proposalId,
          editionId,
          institutionId: proposal.institutionId,
          evidenceCount: evidence.length,
          filedAt: now.toISOString(),
        });
        await this.objections.insert({
          _id: objectionId,
          editionId,
          proposalId: body.proposalId,
          institutionId: proposal.institutionId,
          proposalTitle: proposal.title,
          institutionName: proposal.institution?.name ?? null,
          objector: { name: body.name, email: body.email },
          grounds: body.grounds,
          evidence,
          filedAt: now,
          resolution: null,
          outbox: [event],
        });
        return evidence.length;
      },
    );
    this.outbox.nudge();
    return {
      objectionId,
      proposalId: body.proposalId,
      editionId,
      evidenceCount,
      filedAt: now,
    };
  }
}
