import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { GridFsFileStore, InjectConnection } from '@kipp/mongo';
import type { ObjectionEvidenceType } from './objection.schema';

export const OBJECTION_EVIDENCE_BUCKET = 'objection_evidence';

export interface ObjectionEvidenceMetadata {
  editionId: string;
  proposalId: string;
  filename: string;
  contentType: ObjectionEvidenceType;
  sha256: string;
}

/** Objection evidence in GridFS (bucket `objection_evidence`) of the service's own database. */
@Injectable()
export class ObjectionEvidenceStorage extends GridFsFileStore<ObjectionEvidenceMetadata> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, OBJECTION_EVIDENCE_BUCKET);
  }
}
