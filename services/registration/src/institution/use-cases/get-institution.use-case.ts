import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { InstitutionNotFoundError } from '../institution.errors';
import { InstitutionRepository } from '../institution.repository';
import type { Institution } from '../institution.schema';

@Injectable()
export class GetInstitutionUseCase {
  constructor(private readonly institutions: InstitutionRepository) {}

  async execute(institutionId: string, actor: AuthenticatedUser): Promise<Institution> {
    // Scope first: a caller outside the institution learns nothing, not even whether it exists.
    assertInstitutionScope(actor, institutionId);
    const institution = await this.institutions.findById(institutionId);
    if (!institution) throw new InstitutionNotFoundError(institutionId);
    return institution;
  }
}
