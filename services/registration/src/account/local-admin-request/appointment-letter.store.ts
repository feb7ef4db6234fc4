import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { GridFsFileStore, InjectConnection } from '@kipp/mongo';

export const LETTER_BUCKET = 'appointment_letters';

export interface AppointmentLetterMetadata {
  requestId: string;
  sha256: string;
  contentType: 'application/pdf';
}

/** Appointment letters in GridFS (bucket `appointment_letters`) of the service's own database. */
@Injectable()
export class AppointmentLetterStore extends GridFsFileStore<AppointmentLetterMetadata> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, LETTER_BUCKET);
  }
}
