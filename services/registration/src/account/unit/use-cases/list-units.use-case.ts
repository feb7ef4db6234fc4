import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { UnitRepository } from '../unit.repository';
import type { Unit } from '../unit.schema';

@Injectable()
export class ListUnitsUseCase {
  constructor(private readonly units: UnitRepository) {}

  async execute(institutionId: string, actor: AuthenticatedUser): Promise<Unit[]> {
    assertInstitutionScope(actor, institutionId);
    return this.units.listByInstitution(institutionId);
  }
}
