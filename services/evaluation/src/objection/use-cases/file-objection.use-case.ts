import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { ObjectionFiledV1 } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { detectFileType } from '@kipp/service-kit';
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
    const typed = files.map((file) => {
      const contentType = detectFileType(file.buffer);
      if (!contentType) throw new UnsupportedEvidenceTypeError(file.originalname);
      return { file, contentType };
    });

    const objectionId = `obj_${randomUUID()}`;
    const evidence: ObjectionEvidence[] = [];
    try {
      for (const { file, contentType } of typed) {
        const sha256 = createHash('sha256').update(file.buffer).digest('hex');
        const filename = safeFilename(file.originalname);
        const { id: fileId } = await this.storage.put(file.buffer, filename, {
          editionId,
          proposalId: body.proposalId,
          filename,
          contentType,
          sha256,
        });
        evidence.push({ fileId, filename, contentType, sizeBytes: file.size, sha256 });
      }
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
    } catch (error) {
      await Promise.all(evidence.map((e) => this.storage.delete(e.fileId)));
      throw error;
    }
    this.outbox.nudge();
    return {
      objectionId,
      proposalId: body.proposalId,
      editionId,
      evidenceCount: evidence.length,
      filedAt: now,
    };
  }
}

/**
 * Keeps the download header safe: no path, and only printable ASCII without quotes (a
 * header value cannot carry anything else); the rest becomes `_`.
 */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\x20-\x7e]|"/g, '_')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'evidence';
}
