import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { InstitutionNotKnownError } from '../institution.errors';
import { InstitutionProjectionRepository } from '../institution.repository';
import type { InstitutionProjection } from '../institution.schema';

@Injectable()
export class GetInstitutionUseCase {
  constructor(private readonly institutions: InstitutionProjectionRepository) {}

  async execute(institutionId: string, actor: AuthenticatedUser): Promise<InstitutionProjection> {
    assertInstitutionScope(actor, institutionId);
    const institution = await this.institutions.findById(institutionId);
    if (!institution) throw new InstitutionNotKnownError(institutionId);
    return institution;
  }
}
