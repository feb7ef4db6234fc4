import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { detectFileType } from '@kipp/service-kit';
import {
  FieldVerificationNotFoundError,
  PhotoMissingError,
  PhotoTooLargeError,
  PhotoTypeNotAllowedError,
} from '../field-verification.errors';
import type { FieldPhoto } from '../field-verification.schema';
import { FieldVerificationRepository } from '../field-verification.repository';
import { FieldPhotoStorage } from '../field-photo.storage';
import { FIELD_PHOTO_TYPES, MAX_PHOTO_BYTES } from '../photo-type';

/** The uploaded file as multer's memory storage gives it (only what is read here). */
export interface UploadedPhoto {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Adds a JPEG or PNG photo (by its bytes, at most 10 MB) to a field verification. The bytes
 * are stored first, then the record points at them; a record never names a missing file.
 */
@Injectable()
export class UploadFieldPhotoUseCase {
  constructor(
    private readonly repository: FieldVerificationRepository,
    private readonly storage: FieldPhotoStorage,
  ) {}

  async execute(
    user: AuthenticatedUser,
    id: string,
    file: UploadedPhoto | undefined,
  ): Promise<FieldPhoto> {
    if (!file || file.size === 0) throw new PhotoMissingError();
    if (file.size > MAX_PHOTO_BYTES) throw new PhotoTooLargeError(file.size, MAX_PHOTO_BYTES);
    const contentType = detectFileType(file.buffer, FIELD_PHOTO_TYPES);
    if (!contentType) throw new PhotoTypeNotAllowedError();
    const record = await this.repository.findById(id);
    if (!record) throw new FieldVerificationNotFoundError(id);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const filename = `${id}-${sha256.slice(0, 12)}.${contentType === 'image/png' ? 'png' : 'jpg'}`;
    const { id: fileId } = await this.storage.put(file.buffer, filename, {
      fieldVerificationId: id,
      sha256,
    });
    const photo: FieldPhoto = {
      fileId,
      filename,
      contentType,
      sizeBytes: file.size,
      sha256,
      uploadedBy: user.accountId,
      uploadedAt: new Date(),
    };
    if (!(await this.repository.addPhoto(id, photo))) {
      await this.storage.delete(fileId);
      throw new FieldVerificationNotFoundError(id);
    }
    return photo;
  }
}
