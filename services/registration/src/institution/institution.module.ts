import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InstitutionController } from './institution.controller';
import { InstitutionRepository } from './institution.repository';
import { INSTITUTION_MODEL, institutionSchema } from './institution.schema';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';
import { RegisterInstitutionUseCase } from './use-cases/register-institution.use-case';

@Module({
  imports: [MongooseModule.forFeature([{ name: INSTITUTION_MODEL, schema: institutionSchema }])],
  controllers: [InstitutionController],
  providers: [InstitutionRepository, RegisterInstitutionUseCase, GetInstitutionUseCase],
})
export class InstitutionModule {}
