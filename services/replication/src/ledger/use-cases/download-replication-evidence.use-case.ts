import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { ReplicationEvidenceNotFoundError } from '../ledger.errors';
import { ReplicationEvidenceStorage } from '../replication-evidence.storage';
import type { ReplicationEvidence } from '../replication-link.schema';
import { GetReplicationUseCase } from './get-replication.use-case';

export interface EvidenceDownload extends ReplicationEvidence {
  stream: Readable;
}

/** One evidence file of a link, for whoever may read the link; only listed files are served. */
@Injectable()
export class DownloadReplicationEvidenceUseCase {
  constructor(
    private readonly getReplication: GetReplicationUseCase,
    private readonly storage: ReplicationEvidenceStorage,
  ) {}

  async execute(
    user: AuthenticatedUser,
    replicationId: string,
    fileId: string,
  ): Promise<EvidenceDownload> {
    const link = await this.getReplication.execute(user, replicationId);
    const evidence = link.evidence.find((e) => e.fileId === fileId);
    const stream = evidence ? this.storage.open(fileId) : null;
    if (!evidence || !stream) throw new ReplicationEvidenceNotFoundError(replicationId, fileId);
    return { ...evidence, stream };
  }
}
