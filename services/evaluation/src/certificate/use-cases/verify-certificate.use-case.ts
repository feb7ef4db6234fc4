import { Injectable } from '@nestjs/common';
import type { AwardTier } from '@kipp/contracts';
import { CertificateNotFoundError } from '../certificate.errors';
import { CertificateRepository } from '../certificate.repository';
import { VerifyRateLimiter } from '../verify-rate-limiter';

export interface CertificateVerification {
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

/** Public: anyone holding a certificate (or its QR code) checks it is genuine. */
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
