import { Injectable } from '@nestjs/common';
import { InstitutionRegisteredV1 } from '@kipp/contracts';
import type { AuthenticatedUser } from '@kipp/auth';
import { createEvent, OutboxNotifier } from '@kipp/messaging';
import { InstitutionRepository, type NewInstitution } from '../institution.repository';
import { RegionCatalogue, type Region } from '../region-catalogue';

export const SEED_PROCESS = 'system:region-seed';

export interface SeedRegionsResult {
  /** Regions in the administrative data. */
  provinces: number;
  regenciesAndCities: number;
  /** Of those, how many this run added to the registry (0 when all were there). */
  created: number;
}

/**
 * Puts every province, regency and city of the administrative data into the registry.
 * Idempotent: a region is matched by its code, one already registered is left as it is
 * (the national admin may have edited it), and only new ones are written, each with its
 * registered event.
 */
@Injectable()
export class SeedRegionsUseCase {
  constructor(
    private readonly institutions: InstitutionRepository,
    private readonly regions: RegionCatalogue,
    private readonly outbox: OutboxNotifier,
  ) {}

  /** `actor` is the national admin who asked, or absent when the service seeds at start-up. */
  async execute(actor?: AuthenticatedUser): Promise<SeedRegionsResult> {
    const all = [...this.regions.provinces(), ...this.regions.regencies()];
    const existing = await this.institutions.findExistingCodes(all.map((region) => region.code));
    const by = actor?.accountId ?? SEED_PROCESS;
    const registeredAt = new Date();
    const missing = all
      .filter((region) => !existing.has(region.code))
      .map((region) => this.toNew(region, by, registeredAt));
    const created = await this.institutions.insertSkippingExisting(missing);
    if (created > 0) this.outbox.nudge();
    return {
      provinces: this.regions.provinces().length,
      regenciesAndCities: this.regions.regencies().length,
      created,
    };
  }

  private toNew(region: Region, by: string, registeredAt: Date) {
    // Deterministic ids: every environment (and every replica racing to seed) gives a
    // region the same id, and a race ends in a duplicate key instead of a twin.
    const institutionId = `inst_${region.code.replace(/\./g, '')}`;
    const institution: NewInstitution = {
      _id: institutionId,
      code: region.code,
      name: region.name,
      type: region.type,
      provinceCode: region.provinceCode,
      disadvantaged: region.disadvantaged,
      registeredBy: by,
      revision: 1,
      history: [{ at: registeredAt, by, action: 'registered', revision: 1, changes: [] }],
    };
    const event = createEvent(InstitutionRegisteredV1, {
      institutionId,
      code: region.code,
      name: region.name,
      type: region.type,
      provinceCode: region.provinceCode,
      disadvantaged: region.disadvantaged,
      registeredAt: registeredAt.toISOString(),
    });
    return { institution, events: [event] };
  }
}
