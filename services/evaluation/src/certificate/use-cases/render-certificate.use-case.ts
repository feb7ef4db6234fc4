import { Inject, Injectable } from '@nestjs/common';
import { hasAnyRole, type AuthenticatedUser } from '@kipp/auth';
import { renderCertificatePdf } from '../certificate-pdf';
import { CertificateNotFoundError, CertificateRevokedError } from '../certificate.errors';
import { CERTIFICATE_OPTIONS, type CertificateOptions } from '../certificate.options';
import { CertificateRepository } from '../certificate.repository';

export interface RenderedCertificate {
  filename: string;
  body: Buffer;
}

/**
 * The certificate as a PDF: for the national admin, and for the local admin and unit
 * operators of the awarded institution. Anyone else gets the same 404 as for an unknown id,
 * so certificate ids cannot be probed. A revoked certificate is refused (409), so an
 * outdated tier is never printed again.
 */
@Injectable()
export class RenderCertificateUseCase {
  constructor(
    private readonly certificates: CertificateRepository,
    @Inject(CERTIFICATE_OPTIONS) private readonly options: CertificateOptions,
  ) {}

  async execute(actor: AuthenticatedUser, certificateId: string): Promise<RenderedCertificate> {
    const certificate = await this.certificates.findById(certificateId);
    if (!certificate || !mayRead(actor, certificate.institutionId)) {
      throw new CertificateNotFoundError();
    }
    if (certificate.status === 'revoked') {
      throw new CertificateRevokedError(certificate._id, certificate.revocationReason);
    }
    const pdf = await renderCertificatePdf({
      editionName: certificate.editionName,
      year: certificate.year,
      tier: certificate.tier,
      title: certificate.title,
      institutionName: certificate.institutionName,
      verificationCode: certificate.verificationCode,
      verifyUrl: `${this.options.publicBaseUrl}/verify/${certificate.verificationCode}`,
      issuedAt: certificate.issuedAt,
    });
    return { filename: `${certificate._id}.pdf`, body: Buffer.from(pdf) };
  }
}

function mayRead(actor: AuthenticatedUser, institutionId: string): boolean {
  if (hasAnyRole(actor, ['national_admin'])) return true;
  return (
    hasAnyRole(actor, ['local_admin', 'unit_operator']) && actor.institutionId === institutionId
  );
}
