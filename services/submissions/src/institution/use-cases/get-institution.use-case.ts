import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { NotFoundError } from '@kipp/service-kit';
import { InstitutionProjectionRepository } from '../institution.repository';
import type { InstitutionProjection } from '../institution.schema';

export class InstitutionNotKnownError extends NotFoundError {
  constructor(institutionId: string) {
    super('INSTITUTION_NOT_FOUND', `institution ${institutionId} is not known here`, {
      institutionId,
    });
  }
}

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
