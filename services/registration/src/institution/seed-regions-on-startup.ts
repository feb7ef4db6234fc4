import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectLogger, type Logger } from '@kipp/observability';
import { InstitutionRepository } from './institution.repository';
import { SeedRegionsUseCase } from './use-cases/seed-regions.use-case';

export const INSTITUTION_OPTIONS = Symbol('INSTITUTION_OPTIONS');

export interface InstitutionModuleOptions {
  /** Seed the provinces, regencies and cities at start-up while the registry has none. */
  seedRegionsOnStart: boolean;
}

/** Fills an empty registry with the regional governments, so a fresh install can be used. */
@Injectable()
export class SeedRegionsOnStartup implements OnApplicationBootstrap {
  constructor(
    @Inject(INSTITUTION_OPTIONS) private readonly options: InstitutionModuleOptions,
    private readonly institutions: InstitutionRepository,
    private readonly seedRegions: SeedRegionsUseCase,
    @InjectLogger() private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.seedRegionsOnStart || (await this.institutions.hasPemda())) return;
    // Replicas starting together may all get here; the seed is idempotent per region.
    const result = await this.seedRegions.execute();
    this.logger.info({ ...result }, 'regions seeded into the institution registry');
  }
}
