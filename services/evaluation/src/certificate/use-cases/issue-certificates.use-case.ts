import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { CertificateIssuedV1, CertificateRevokedV1, type AwardTier } from '@kipp/contracts';
import { createEvent, OutboxNotifier, type PendingEvent } from '@kipp/messaging';
import { buildAwardRows, type AwardRow } from '../../output/award-rows';
import { OutputRepository } from '../../output/output.repository';
import { AWARD_WITHDRAWN, isSettled, planCertificates } from '../certificate-plan';
import { CertificateRepository, type NewCertificate } from '../certificate.repository';
import type { Certificate } from '../certificate.schema';
import { newVerificationCode } from '../verification-code';

export interface IssuedCertificates {
  editionId: string;
  /** Certificates this call created (first issues and replacements for a new tier). */
  issued: number;
  /** Active certificates that were there already and still hold (reissuing never duplicates). */
  alreadyIssued: number;
  /** Certificates this call revoked (tier changed or award withdrawn). */
  revoked: number;
  /** The edition's active certificates after the call. */
  certificates: Certificate[];
}

/** A fresh code collides with an existing one about never; a few rounds settle it. */
const MAX_ROUNDS = 3;

/**
 * Makes the edition's active certificates follow its awards, once the final results are
 * published: one per award at its highest tier, each written with its `CertificateIssuedV1`
 * in the same document. A certificate whose award changed tier is revoked and replaced (one
 * transaction); one whose award is gone is revoked. Idempotent and safe on several replicas:
 * the partial unique index on the award id of active certificates turns a concurrent issue
 * into a no-op.
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
    const { configuration } = await this.output.publishedEdition(editionId);
    const rows = buildAwardRows(configuration, await this.output.awardSources(editionId));
    const fresh = (row: AwardRow) =>
      newCertificate(row, editionId, configuration.name, configuration.year, actor.accountId, now);
    let current = await this.certificates.listActiveForEdition(editionId);
    const created = new Set<string>();
    let revoked = 0;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const plan = planCertificates(rows, current);
      if (isSettled(plan)) break;
      for (const certificate of plan.withdraw) {
        const events = [revocationEvent(certificate, null, AWARD_WITHDRAWN, now)];
        if (await this.certificates.revoke(certificate._id, AWARD_WITHDRAWN, now, events)) {
          revoked += 1;
        }
      }
      for (const { certificate, row } of plan.replace) {
        const replacement = fresh(row);
        const events = [
          revocationEvent(certificate, replacement._id, `superseded by ${replacement._id}`, now),
        ];
        if (await this.certificates.replace(certificate._id, replacement, now, events)) {
          revoked += 1;
          created.add(replacement._id);
        }
      }
      const missing = plan.issue.map(fresh);
      await this.certificates.insertNew(missing);
      for (const certificate of missing) created.add(certificate._id);
      current = await this.certificates.listActiveForEdition(editionId);
    }
    if (created.size > 0 || revoked > 0) this.notifier.nudge();
    const issued = current.filter((certificate) => created.has(certificate._id)).length;
    return {
      editionId,
      issued,
      alreadyIssued: current.length - issued,
      revoked,
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

function revocationEvent(
  certificate: Pick<Certificate, '_id' | 'proposalId' | 'editionId' | 'institutionId' | 'tier'>,
  replacedBy: string | null,
  reason: string,
  at: Date,
): PendingEvent {
  return createEvent(CertificateRevokedV1, {
    certificateId: certificate._id,
    proposalId: certificate.proposalId,
    editionId: certificate.editionId,
    institutionId: certificate.institutionId,
    tier: certificate.tier,
    replacedBy,
    reason,
    revokedAt: at.toISOString(),
  });
}
