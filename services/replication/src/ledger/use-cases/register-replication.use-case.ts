import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { REPLICATION_STATUSES } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { storeUploads, type StoredUpload } from '@kipp/service-kit';
import { Directory } from '../../directory/directory';
import { newLink, recordedEvents } from '../link-events';
import { isPartyRole } from '../link-rules';
import {
  EvidenceTooLargeError,
  InnovationNotFoundError,
  ReplicationExistsError,
  ReplicationForbiddenError,
  SelfReplicationError,
  UnsupportedEvidenceTypeError,
} from '../ledger.errors';
import { ReplicationEvidenceStorage } from '../replication-evidence.storage';
import { ReplicationLinkRepository } from '../replication-link.repository';
import type {
  EvidenceKind,
  LinkActor,
  ReplicationEvidence,
  ReplicationLinkDocument,
} from '../replication-link.schema';

export const MAX_REPLICATION_FILES = 10;
export const LEDGER_OPTIONS = Symbol('LEDGER_OPTIONS');
export interface LedgerOptions {
  evidenceMaxBytes: number;
}

const id = z.string().trim().min(1).max(64);
export const registerReplicationBodySchema = z.strictObject({
  innovationId: id,
  title: z.string().trim().min(1).max(300),
  status: z.enum(REPLICATION_STATUSES).default('plan'),
  visitId: id.optional(),
});
export type RegisterReplicationBody = z.infer<typeof registerReplicationBodySchema>;

/** A file as multer (memory storage) hands it over, with the kind its form field names. */
export interface UploadedEvidenceFile {
  kind: EvidenceKind;
  originalname: string;
  buffer: Buffer;
  size: number;
}

/**
 * An adopting institution registers its replication of an innovation of the public
 * database, with evidence files checked by their bytes. Everything is checked before a
 * file is stored; the link and its two events (recorded, countersign requested) are then one
 * write, and the stored files are removed again if that write fails.
 */
@Injectable()
export class RegisterReplicationUseCase {
  constructor(
    private readonly links: ReplicationLinkRepository,
    private readonly storage: ReplicationEvidenceStorage,
    private readonly directory: Directory,
    private readonly outbox: OutboxNotifier,
    @Inject(LEDGER_OPTIONS) private readonly options: LedgerOptions,
  ) {}

  async execute(
    user: AuthenticatedUser,
    body: RegisterReplicationBody,
    files: readonly UploadedEvidenceFile[],
    now = new Date(),
  ): Promise<ReplicationLinkDocument> {
    const adopterInstitutionId = user.institutionId;
    if (!adopterInstitutionId || !user.roles.some(isPartyRole)) {
      throw new ReplicationForbiddenError(null, 'only an institution can register a replication');
    }
    const innovation = await this.links.findInnovation(body.innovationId);
    if (!innovation) throw new InnovationNotFoundError(body.innovationId);
    if (innovation.institutionId === adopterInstitutionId) {
      throw new SelfReplicationError(body.innovationId);
    }
    const existing = await this.links.findActive(adopterInstitutionId, body.innovationId);
    if (existing) throw new ReplicationExistsError(body.innovationId, existing);
    for (const file of files) {
      // Multer stops reading at the limit already; checked again so the rule lives here too.
      if (file.size > this.options.evidenceMaxBytes) {
        throw new EvidenceTooLargeError(file.originalname, this.options.evidenceMaxBytes);
      }
    }

    const replicationId = `rep_${randomUUID()}`;
    const actor: LinkActor = { kind: 'account', accountId: user.accountId };
    const adopter = await this.directory.institution(adopterInstitutionId);
    const store = async (stored: readonly StoredUpload<UploadedEvidenceFile>[]) => {
      const evidence: ReplicationEvidence[] = stored.map((upload) => ({
        fileId: upload.fileId,
        kind: upload.file.kind,
        filename: upload.filename,
        contentType: upload.contentType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
      }));
      const link = newLink(
        {
          _id: replicationId,
          innovationId: innovation._id,
          innovationTitle: innovation.title,
          originInstitutionId: innovation.institutionId,
          originUnitId: innovation.unitId,
          adopterInstitutionId,
          adopterProvinceCode: adopter?.provinceCode ?? null,
          title: body.title,
          status: body.status,
          source: 'registered',
          proposalId: null,
          visitId: body.visitId ?? null,
          evidence,
        },
        actor,
        now,
      );
      await this.links.insert(link, recordedEvents(link, actor, now));
      return link;
    };
    try {
      const link = await storeUploads(
        this.storage,
        files,
        {
          unsupported: (file) => new UnsupportedEvidenceTypeError(file.originalname),
          metadataOf: (upload) => ({
            replicationId,
            kind: upload.file.kind,
            filename: upload.filename,
            contentType: upload.contentType,
            sha256: upload.sha256,
          }),
        },
        store,
      );
      this.outbox.nudge();
      return link;
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ReplicationExistsError(body.innovationId, null);
      throw error;
    }
  }
}
