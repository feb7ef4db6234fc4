import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EditionLookup } from './edition-lookup';
import { EditionConsumer } from './edition.consumer';
import { EditionRepository } from './edition.repository';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from './edition.schema';
import { RecordEditionUseCase } from './use-cases/record-edition.use-case';

/**
 * The edition projection. Other features import this module for `EditionLookup`; the
 * consumer registers its handlers once, however many modules import it (Nest modules are
 * singletons).
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
    ]),
  ],
  providers: [EditionRepository, RecordEditionUseCase, EditionConsumer, EditionLookup],
  exports: [EditionLookup],
})
export class EditionModule {}
