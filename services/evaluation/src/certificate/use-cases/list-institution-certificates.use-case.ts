import { Injectable } from '@nestjs/common';
import { AuthError, type AuthenticatedUser } from '@kipp/auth';
import { CertificateRepository } from '../certificate.repository';
import type { Certificate } from '../certificate.schema';

/**
 * The certificates of the caller's institution, active and revoked, newest first: what the
 * local admin and the unit operators download and pass on. A revoked one stays listed with
 * its reason, since its code still answers "revoked" to whoever holds a printed copy.
 */
@Injectable()
export class ListInstitutionCertificatesUseCase {
  constructor(private readonly certificates: CertificateRepository) {}

  async execute(actor: AuthenticatedUser): Promise<Certificate[]> {
    if (actor.institutionId === null) throw new AuthError('AUTH_FORBIDDEN');
    return this.certificates.listForInstitution(actor.institutionId);
  }
}
