import { Injectable } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { GridFsFileStore, InjectConnection } from '@kipp/mongo';
import type { EvidenceKind, ReplicationEvidence } from './replication-link.schema';

export const REPLICATION_EVIDENCE_BUCKET = 'replication_evidence';

export interface ReplicationEvidenceMetadata {
  replicationId: string;
  kind: EvidenceKind;
  filename: string;
  contentType: ReplicationEvidence['contentType'];
  sha256: string;
}

/** Replication evidence (MoU, decree, budget line) in GridFS of the service's own database. */
@Injectable()
export class ReplicationEvidenceStorage extends GridFsFileStore<ReplicationEvidenceMetadata> {
  constructor(@InjectConnection() connection: Connection) {
    super(connection, REPLICATION_EVIDENCE_BUCKET);
  }
}
