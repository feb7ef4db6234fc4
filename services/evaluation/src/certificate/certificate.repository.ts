import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { CERTIFICATE_MODEL, type Certificate } from './certificate.schema';

export type NewCertificate = Omit<Certificate, 'createdAt' | 'updatedAt'>;

const DUPLICATE_KEY = 11000;

@Injectable()
export class CertificateRepository {
  constructor(@InjectModel(CERTIFICATE_MODEL) private readonly certificates: Model<Certificate>) {}

  /** Uses { editionId }. */
  listForEdition(editionId: string): Promise<Certificate[]> {
    return this.certificates
      .find({ editionId })
      .select({ outbox: 0 })
      .sort({ proposalId: 1 })
      .lean<Certificate[]>()
      .exec();
  }

  /**
   * Inserts each certificate with its events in the same document write; one that collides
   * (the award already has a certificate, issued concurrently by another replica, or a code
   * clash) is skipped and the caller re-reads what is there.
   */
  async insertNew(certificates: readonly NewCertificate[]): Promise<void> {
    if (certificates.length === 0) return;
    try {
      await this.certificates.insertMany(certificates, { ordered: false });
    } catch (error) {
      if (!onlyDuplicates(error)) throw error;
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
