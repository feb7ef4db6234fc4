import { Injectable } from '@nestjs/common';
import { InstitutionNotFoundError } from './institution.errors';
import { InstitutionRepository } from './institution.repository';

/**
 * What other features of this service may ask of the institution registry: whether an
 * institution is registered (accounts, units and local-admin requests belong to one), and
 * its name (the signed-in person's own account shows it).
 */
@Injectable()
export class InstitutionDirectory {
  constructor(private readonly institutions: InstitutionRepository) {}

  /** Throws INSTITUTION_NOT_FOUND (404) when no institution has this id. */
  async assertRegistered(institutionId: string): Promise<void> {
    if (!(await this.institutions.exists(institutionId))) {
      throw new InstitutionNotFoundError(institutionId);
    }
  }

  /** The institution's name, or null when no institution has this id. */
  async nameOf(institutionId: string): Promise<string | null> {
    return (await this.institutions.findById(institutionId))?.name ?? null;
  }
}
