import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { AuthenticatedUser } from '@kipp/auth';
import { REPLICATION_STATUSES } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { isDuplicateKeyError } from '@kipp/mongo';
import { detectFileType } from '@kipp/service-kit';
import { Directory } from '../../directory/directory';
import { recordedEvents } from '../link-events';
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
    const typed = files.map((file) => {
      // Multer stops reading at the limit already; checked again so the rule lives here too.
      if (file.size > this.options.evidenceMaxBytes) {
        throw new EvidenceTooLargeError(file.originalname, this.options.evidenceMaxBytes);
      }
      const contentType = detectFileType(file.buffer);
      if (!contentType) throw new UnsupportedEvidenceTypeError(file.originalname);
      return { file, contentType };
    });

    const replicationId = `rep_${randomUUID()}`;
    const actor: LinkActor = { kind: 'account', accountId: user.accountId };
    const adopter = await this.directory.institution(adopterInstitutionId);
    const evidence: ReplicationEvidence[] = [];
    try {
      for (const { file, contentType } of typed) {
        const sha256 = createHash('sha256').update(file.buffer).digest('hex');
        const filename = safeFilename(file.originalname);
        const { id: fileId } = await this.storage.put(file.buffer, filename, {
          replicationId,
          kind: file.kind,
          filename,
          contentType,
          sha256,
        });
        evidence.push({
          fileId,
          kind: file.kind,
          filename,
          contentType,
          sizeBytes: file.size,
          sha256,
        });
      }
      const link: ReplicationLinkDocument = {
        _id: replicationId,
        revision: 1,
        innovationId: innovation._id,
        innovationTitle: innovation.title,
        originInstitutionId: innovation.institutionId,
        originUnitId: innovation.unitId,
        adopterInstitutionId,
        adopterProvinceCode: adopter?.provinceCode ?? null,
        title: body.title,
        status: body.status,
        confirmation: 'pending',
        disputeReason: null,
        source: 'registered',
        proposalId: null,
        visitId: body.visitId ?? null,
        evidence,
        history: [
          {
            revision: 1,
            action: 'recorded',
            by: actor,
            at: now,
            status: body.status,
            confirmation: 'pending',
            note: null,
          },
        ],
        active: body.status !== 'stopped',
        withdrawnAt: null,
        recordedAt: now,
        createdAt: now,
        updatedAt: now,
      };
      const { createdAt: _c, updatedAt: _u, ...fields } = link;
      await this.links.insert({ ...fields, outbox: recordedEvents(link, actor, now) });
      this.outbox.nudge();
      return link;
    } catch (error) {
      await Promise.all(evidence.map((e) => this.storage.delete(e.fileId)));
      if (isDuplicateKeyError(error)) throw new ReplicationExistsError(body.innovationId, null);
      throw error;
    }
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
