import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { RegistrationConfig } from '../config/registration.config';
import { ImportJobController } from './import-job.controller';
import { ImportJobRepository } from './import-job.repository';
import { ImportJobRunner } from './import-job.runner';
import { IMPORT_JOB_MODEL, importJobSchema } from './import-job.schema';
import { IMPORT_JOB_SETTINGS, importJobSettingsFrom } from './import-job.settings';
import { GetImportJobUseCase } from './use-cases/get-import-job.use-case';

/** Background CSV imports and their progress, shared by the institution and evaluator imports. */
@Module({})
export class ImportJobModule {
  static register(config: Readonly<RegistrationConfig>): DynamicModule {
    return {
      module: ImportJobModule,
      global: true,
      imports: [MongooseModule.forFeature([{ name: IMPORT_JOB_MODEL, schema: importJobSchema }])],
      controllers: [ImportJobController],
      providers: [
        { provide: IMPORT_JOB_SETTINGS, useValue: importJobSettingsFrom(config) },
        ImportJobRepository,
        ImportJobRunner,
        GetImportJobUseCase,
      ],
      exports: [ImportJobRunner],
    };
  }
}
