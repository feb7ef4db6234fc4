import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { FieldVerificationNotFoundError, PhotoNotFoundError } from '../field-verification.errors';
import type { FieldPhoto, FieldVerification } from '../field-verification.schema';
import { FieldVerificationRepository } from '../field-verification.repository';
import { FieldPhotoStorage } from '../field-photo.storage';

/** Field verifications and their photos, for the secretariat and the panel. */
@Injectable()
export class ReadFieldVerificationsUseCase {
  constructor(
    private readonly repository: FieldVerificationRepository,
    private readonly storage: FieldPhotoStorage,
  ) {}

  listOfProposal(proposalId: string): Promise<FieldVerification[]> {
    return this.repository.listOfProposal(proposalId);
  }

  async get(id: string): Promise<FieldVerification> {
    const record = await this.repository.findById(id);
    if (!record) throw new FieldVerificationNotFoundError(id);
    return record;
  }

  async photo(id: string, fileId: string): Promise<{ photo: FieldPhoto; stream: Readable }> {
    const record = await this.get(id);
    const photo = record.photos.find((p) => p.fileId === fileId);
    const stream = photo ? this.storage.open(fileId) : null;
    if (!photo || !stream) throw new PhotoNotFoundError(fileId);
    return { photo, stream };
  }
}
