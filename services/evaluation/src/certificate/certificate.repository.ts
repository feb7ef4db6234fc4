import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pushToOutbox, type PendingEvent } from '@kipp/messaging';
import { InjectConnection, runInTransaction } from '@kipp/mongo';
import type { Connection } from 'mongoose';
import {
  CERTIFICATE_MODEL,
  LEGACY_PER_PROPOSAL_INDEX,
  type Certificate,
} from './certificate.schema';

export type NewCertificate = Omit<
  Certificate,
  'createdAt' | 'updatedAt' | 'status' | 'revokedAt' | 'revocationReason'
>;

const DUPLICATE_KEY = 11000;
const INDEX_NOT_FOUND = 27;
const NAMESPACE_NOT_FOUND = 26;

/** Thrown inside a replacement's transaction to roll it back when another call got there first. */
class AlreadyRevoked extends Error {}

@Injectable()
export class CertificateRepository implements OnModuleInit {
  constructor(
    @InjectModel(CERTIFICATE_MODEL) private readonly certificates: Model<Certificate>,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  /**
   * Databases from before revocation: the unconditional unique index on `proposalId` would
   * block the replacement of a revoked certificate, and certificates without a status are
   * active ones.
   */
  async onModuleInit(): Promise<void> {
    try {
      await this.certificates.collection.dropIndex(LEGACY_PER_PROPOSAL_INDEX);
    } catch (error) {
      if (!hasCode(error, [INDEX_NOT_FOUND, NAMESPACE_NOT_FOUND])) throw error;
    }
    await this.certificates
      .updateMany(
        { status: { $exists: false } },
        { $set: { status: 'active', revokedAt: null, revocationReason: null } },
      )
      .exec();
  }

  /** Uses { editionId, status }. */
  listActiveForEdition(editionId: string): Promise<Certificate[]> {
    return this.certificates
      .find({ editionId, status: 'active' })
      .select({ outbox: 0 })
      .sort({ proposalId: 1 })
      .lean<Certificate[]>()
      .exec();
  }

  /** Uses { institutionId, issuedAt }: every certificate of one institution, newest first. */
  listForInstitution(institutionId: string): Promise<Certificate[]> {
    return this.certificates
      .find({ institutionId })
      .select({ outbox: 0 })
      .sort({ issuedAt: -1, _id: 1 })
      .lean<Certificate[]>()
      .exec();
  }

  /**
   * Inserts each certificate with its events in the same document write; one that collides
   * (the award already has an active certificate, issued concurrently by another replica, or
   * a code clash) is skipped and the caller re-reads what is there.
   */
  async insertNew(certificates: readonly NewCertificate[]): Promise<void> {
    if (certificates.length === 0) return;
    try {
      await this.certificates.insertMany(
        certificates.map((certificate) => ({ ...certificate, status: 'active' })),
        { ordered: false },
      );
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
    }
  }

  /** Revokes an active certificate with its events; false when it was not active (any more). */
  async revoke(
    certificateId: string,
    reason: string,
    at: Date,
    events: PendingEvent[],
  ): Promise<boolean> {
    const result = await this.certificates
      .updateOne(
        { _id: certificateId, status: 'active' },
        {
          $set: { status: 'revoked', revokedAt: at, revocationReason: reason },
          $push: pushToOutbox(events),
        },
      )
      .exec();
    return result.modifiedCount === 1;
  }

  /**
   * Revokes `certificateId` as superseded by `replacement` and inserts the replacement (with
   * its events) in one transaction, so neither is ever seen without the other. False, with
   * nothing written, when the old one was no longer active (a concurrent call replaced it)
   * or the replacement collided.
   */
  async replace(
    certificateId: string,
    replacement: NewCertificate,
    at: Date,
    revocationEvents: PendingEvent[],
  ): Promise<boolean> {
    try {
      await runInTransaction(this.connection, async (session) => {
        const revoked = await this.certificates
          .updateOne(
            { _id: certificateId, status: 'active' },
            {
              $set: {
                status: 'revoked',
                revokedAt: at,
                revocationReason: `superseded by ${replacement._id}`,
              },
              $push: pushToOutbox(revocationEvents),
            },
          )
          .session(session)
          .exec();
        if (revoked.modifiedCount !== 1) throw new AlreadyRevoked();
        await this.certificates.create([{ ...replacement, status: 'active' }], { session });
      });
      return true;
    } catch (error) {
      if (error instanceof AlreadyRevoked || onlyDuplicates(error)) return false;
      throw error;
    }
  }

  findById(certificateId: string): Promise<Certificate | null> {
    return this.certificates
      .findById(certificateId)
      .select({ outbox: 0 })
      .lean<Certificate>()
      .exec();
  }

  /** Uses { verificationCode } (unique). */
  findByCode(verificationCode: string): Promise<Certificate | null> {
    return this.certificates
      .findOne({ verificationCode })
      .select({ outbox: 0 })
      .lean<Certificate>()
      .exec();
  }
}

function hasCode(error: unknown, codes: readonly number[]): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code } = error as { code?: unknown };
  return typeof code === 'number' && codes.includes(code);
}

function onlyDuplicates(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, writeErrors } = error as { code?: unknown; writeErrors?: unknown };
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((entry: { code?: unknown; err?: { code?: unknown } }) =>
      [entry.code, entry.err?.code].includes(DUPLICATE_KEY),
    );
  }
  return code === DUPLICATE_KEY;
}
