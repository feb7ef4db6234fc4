import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { CertificateIssuedV1, type AwardTier } from '@kipp/contracts';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { buildAwardRows, type AwardRow } from '../../output/award-rows';
import { OutputRepository } from '../../output/output.repository';
import { CertificateRepository, type NewCertificate } from '../certificate.repository';
import type { Certificate } from '../certificate.schema';
import { newVerificationCode } from '../verification-code';

export interface IssuedCertificates {
  editionId: string;
  /** Certificates this call created. */
  issued: number;
  /** Certificates that were there already (reissuing never duplicates). */
  alreadyIssued: number;
  certificates: Certificate[];
}

/** A fresh code collides with an existing one about never; a few rounds settle it. */
const MAX_ROUNDS = 3;

/**
 * One certificate per award of the edition, at the award's highest tier, each written with
 * its `CertificateIssuedV1` in the same document. Idempotent and safe on several replicas:
 * the unique index on the award id turns a second issue into a no-op.
 */
@Injectable()
export class IssueCertificatesUseCase {
  constructor(
    private readonly output: OutputRepository,
    private readonly certificates: CertificateRepository,
    private readonly notifier: OutboxNotifier,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    editionId: string,
    now: Date = new Date(),
  ): Promise<IssuedCertificates> {
    const { configuration } = await this.output.evaluationEdition(editionId);
    const rows = buildAwardRows(configuration, await this.output.awardSources(editionId));
    let current = await this.certificates.listForEdition(editionId);
    const created = new Set<string>();
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const have = new Set(current.map((certificate) => certificate.proposalId));
      const missing = rows.filter((row) => !have.has(row.proposalId));
      if (missing.length === 0) break;
      const fresh = missing.map((row) =>
        newCertificate(
          row,
          editionId,
          configuration.name,
          configuration.year,
          actor.accountId,
          now,
        ),
      );
      await this.certificates.insertNew(fresh);
      for (const certificate of fresh) created.add(certificate._id);
      current = await this.certificates.listForEdition(editionId);
    }
    if (created.size > 0) this.notifier.nudge();
    const issued = current.filter((certificate) => created.has(certificate._id)).length;
    return {
      editionId,
      issued,
      alreadyIssued: current.length - issued,
      certificates: current,
    };
  }
}

function newCertificate(
  row: AwardRow,
  editionId: string,
  editionName: string,
  year: number,
  issuedBy: string,
  issuedAt: Date,
): NewCertificate {
  const certificateId = `cert_${randomUUID()}`;
  const verificationCode = newVerificationCode();
  const tier: AwardTier = row.tier;
  return {
    _id: certificateId,
    proposalId: row.proposalId,
    editionId,
    editionName,
    year,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    title: row.title,
    tier,
    verificationCode,
    issuedBy,
    issuedAt,
    outbox: [
      createEvent(CertificateIssuedV1, {
        certificateId,
        proposalId: row.proposalId,
        editionId,
        institutionId: row.institutionId,
        tier,
        verificationCode,
        issuedAt: issuedAt.toISOString(),
      }),
    ],
  };
}
