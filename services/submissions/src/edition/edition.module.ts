import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EditionDirectory } from './edition-directory';
import { EditionConsumer } from './edition.consumer';
import { EditionProjectionRepository } from './edition.repository';
import { EDITION_PROJECTION_MODEL, editionProjectionSchema } from './edition.schema';
import { RecordEditionUseCase } from './use-cases/record-edition.use-case';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EDITION_PROJECTION_MODEL, schema: editionProjectionSchema },
    ]),
  ],
  providers: [EditionProjectionRepository, RecordEditionUseCase, EditionConsumer, EditionDirectory],
  exports: [EditionDirectory],
})
export class EditionModule {}
