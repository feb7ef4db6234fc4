import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ObjectionEvidenceStorage } from '../objection-evidence.storage';
import { ObjectionEvidenceNotFoundError, ObjectionNotFoundError } from '../objection.errors';
import { ObjectionRepository } from '../objection.repository';
import type { ObjectionEvidence } from '../objection.schema';

export interface EvidenceDownload extends ObjectionEvidence {
  stream: Readable;
}

/** One evidence file of an objection; only files the objection lists are served. */
@Injectable()
export class DownloadObjectionEvidenceUseCase {
  constructor(
    private readonly objections: ObjectionRepository,
    private readonly storage: ObjectionEvidenceStorage,
  ) {}

  async execute(objectionId: string, fileId: string): Promise<EvidenceDownload> {
    const objection = await this.objections.findById(objectionId);
    if (!objection) throw new ObjectionNotFoundError(objectionId);
    const evidence = objection.evidence.find((e) => e.fileId === fileId);
    const stream = evidence ? this.storage.open(fileId) : null;
    if (!evidence || !stream) throw new ObjectionEvidenceNotFoundError(objectionId, fileId);
    return { ...evidence, stream };
  }
}
