import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InstitutionConsumer } from './institution.consumer';
import { InstitutionController } from './institution.controller';
import { InstitutionProjectionRepository } from './institution.repository';
import { INSTITUTION_PROJECTION_MODEL, institutionProjectionSchema } from './institution.schema';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';
import { RecordInstitutionUseCase } from './use-cases/record-institution.use-case';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
    ]),
  ],
  controllers: [InstitutionController],
  providers: [
    InstitutionProjectionRepository,
    RecordInstitutionUseCase,
    GetInstitutionUseCase,
    InstitutionConsumer,
  ],
})
export class InstitutionModule {}
