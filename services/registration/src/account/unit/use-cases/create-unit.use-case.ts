import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { InstitutionDirectory } from '../../../institution/institution-directory';
import { UnitRepository } from '../unit.repository';
import type { Unit } from '../unit.schema';

export const createUnitSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

@Injectable()
export class CreateUnitUseCase {
  constructor(
    private readonly units: UnitRepository,
    private readonly institutions: InstitutionDirectory,
  ) {}

  async execute(
    institutionId: string,
    input: CreateUnitInput,
    actor: AuthenticatedUser,
  ): Promise<Unit> {
    assertInstitutionScope(actor, institutionId);
    await this.institutions.assertRegistered(institutionId);
    return this.units.insert({
      _id: `unit_${randomUUID()}`,
      institutionId,
      name: input.name,
      nameKey: input.name.toLowerCase().replace(/\s+/g, ' '),
      createdBy: actor.accountId,
    });
  }
}
