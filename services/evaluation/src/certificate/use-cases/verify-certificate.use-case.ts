import { Injectable } from '@nestjs/common';
import type { AwardTier } from '@kipp/contracts';
import { CertificateNotFoundError } from '../certificate.errors';
import { CertificateRepository } from '../certificate.repository';
import { VerifyRateLimiter } from '../verify-rate-limiter';

export type CertificateVerification =
  | {
      valid: true;
      certificate: {
        tier: AwardTier;
        title: string;
        institution: string;
        edition: string;
        year: number;
        issuedAt: Date;
      };
    }
  /** Deliberately without the certificate's content: a revoked tier is never shown as held. */
  | { valid: false; revoked: { at: Date; reason: string } };

/** Public: anyone holding a certificate (or its QR code) checks it is genuine and current. */
@Injectable()
export class VerifyCertificateUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly rateLimiter: VerifyRateLimiter,
  ) {}

  async execute(code: string, clientIp: string): Promise<CertificateVerification> {
    // Counted before the lookup, so unknown codes spend the allowance too.
    await this.rateLimiter.consume(clientIp);
    const certificate = await this.certificates.findByCode(code.toUpperCase());
    if (!certificate) throw new CertificateNotFoundError();
    if (certificate.status === 'revoked') {
      return {
        valid: false,
        revoked: {
          at: certificate.revokedAt ?? certificate.updatedAt,
          reason: certificate.revocationReason ?? 'revoked',
        },
      };
    }
    return {
      valid: true,
      certificate: {
        tier: certificate.tier,
        title: certificate.title,
        institution: certificate.institutionName,
        edition: certificate.editionName,
        year: certificate.year,
        issuedAt: certificate.issuedAt,
      },
    };
  }
}
