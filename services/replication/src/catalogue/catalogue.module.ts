import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { ReplicationConfig } from '../config/replication.config';
import { CatalogueConsumer } from './catalogue.consumer';
import { CatalogueController } from './catalogue.controller';
import { CATALOGUE_SETTINGS, catalogueSettingsOf } from './catalogue.settings';
import { InnovationRepository } from './innovation.repository';
import { InnovationStatusWriter } from './innovation-status';
import { INNOVATION_MODEL, innovationSchema } from './innovation.schema';
import { OpenDataController } from './open-data/open-data.controller';
import { PROPOSAL_MARK_MODEL, proposalMarkSchema } from './proposal-mark.schema';
import { SearchCache } from './search/search-cache';
import { ApplyInstitutionUseCase } from './use-cases/apply-institution.use-case';
import { ApplySnapshotUseCase } from './use-cases/apply-snapshot.use-case';
import { ExportOpenDataUseCase } from './use-cases/export-open-data.use-case';
import { GetInnovationUseCase } from './use-cases/get-innovation.use-case';
import { LookupInstitutionsUseCase } from './use-cases/lookup-institutions.use-case';
import { PublishAwardUseCase } from './use-cases/publish-award.use-case';
import { PublishChosenUseCase } from './use-cases/publish-chosen.use-case';
import { SearchInnovationsUseCase } from './use-cases/search-innovations.use-case';

/**
 * The public innovation database: innovations from awards and institutions' choices,
 * public search with a Redis cache, open data. Global: the other features read and
 * change innovations (status) through the exported model and writer, and invalidate the
 * search cache through `SearchCache` when they change one.
 */
@Module({})
export class CatalogueModule {
  static register(config: Readonly<ReplicationConfig>): DynamicModule {
    const models = MongooseModule.forFeature([
      { name: INNOVATION_MODEL, schema: innovationSchema },
      { name: PROPOSAL_MARK_MODEL, schema: proposalMarkSchema },
    ]);
    return {
      module: CatalogueModule,
      global: true,
      imports: [models],
      controllers: [CatalogueController, OpenDataController],
      providers: [
        { provide: CATALOGUE_SETTINGS, useValue: catalogueSettingsOf(config) },
        InnovationStatusWriter,
        InnovationRepository,
        SearchCache,
        CatalogueConsumer,
        PublishAwardUseCase,
        ApplySnapshotUseCase,
        ApplyInstitutionUseCase,
        PublishChosenUseCase,
        SearchInnovationsUseCase,
        GetInnovationUseCase,
        LookupInstitutionsUseCase,
        ExportOpenDataUseCase,
      ],
      exports: [InnovationStatusWriter, SearchCache, models],
    };
  }
}
