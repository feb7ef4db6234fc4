import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { GridFsFileStore, InjectConnection } from '@kipp/mongo';

export const FIELD_PHOTO_BUCKET = 'field_photos';

export interface FieldPhotoMetadata {
  fieldVerificationId: string;
  sha256: string;
}

/** Field-verification photos in GridFS (bucket `field_photos`) of the service's database. */
@Injectable()
export class FieldPhotoStorage extends GridFsFileStore<FieldPhotoMetadata> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, FIELD_PHOTO_BUCKET);
  }
}
