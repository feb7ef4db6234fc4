import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { PlenaryRepository, type AwardView } from '../plenary.repository';

/** Awards of an edition (the secretariat) or of one institution (its own people). */
@Injectable()
export class ListAwardsUseCase {
  constructor(private readonly repository: PlenaryRepository) {}

  async ofEdition(editionId: string): Promise<AwardView[]> {
    return this.repository.awardsOfEdition(editionId);
  }

  async ofInstitution(user: AuthenticatedUser, institutionId: string): Promise<AwardView[]> {
    assertInstitutionScope(user, institutionId);
    return this.repository.awardsOfInstitution(institutionId);
  }
}
