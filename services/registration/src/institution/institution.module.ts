import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InstitutionDirectory } from './institution-directory';
import { InstitutionController } from './institution.controller';
import { InstitutionRepository } from './institution.repository';
import { INSTITUTION_MODEL, institutionSchema } from './institution.schema';
import { RegionCatalogue } from './region-catalogue';
import {
  INSTITUTION_OPTIONS,
  SeedRegionsOnStartup,
  type InstitutionModuleOptions,
} from './seed-regions-on-startup';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';
import { ImportInstitutionsUseCase } from './use-cases/import-institutions.use-case';
import { ListInstitutionsUseCase } from './use-cases/list-institutions.use-case';
import { RegisterInstitutionUseCase } from './use-cases/register-institution.use-case';
import { SeedRegionsUseCase } from './use-cases/seed-regions.use-case';
import { UpdateInstitutionUseCase } from './use-cases/update-institution.use-case';

@Module({})
export class InstitutionModule {
  static register(options: InstitutionModuleOptions): DynamicModule {
    return {
      module: InstitutionModule,
      imports: [
        MongooseModule.forFeature([{ name: INSTITUTION_MODEL, schema: institutionSchema }]),
      ],
      controllers: [InstitutionController],
      providers: [
        { provide: INSTITUTION_OPTIONS, useValue: options },
        InstitutionRepository,
        InstitutionDirectory,
        RegionCatalogue,
        RegisterInstitutionUseCase,
        GetInstitutionUseCase,
        ListInstitutionsUseCase,
        UpdateInstitutionUseCase,
        SeedRegionsUseCase,
        ImportInstitutionsUseCase,
        SeedRegionsOnStartup,
      ],
      exports: [InstitutionDirectory],
    };
  }
}
