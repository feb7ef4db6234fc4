import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { InstitutionRepository } from './institution.repository';
import { INSTITUTION_PROJECTION_MODEL, institutionProjectionSchema } from './institution.schema';

/**
 * The institution projection's store, importable by every feature that reads institutions.
 * Its consumer lives in `ProposalProjectionModule`, since an institution event also fills
 * the institution on that institution's forwarded proposals.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: INSTITUTION_PROJECTION_MODEL, schema: institutionProjectionSchema },
    ]),
  ],
  providers: [InstitutionRepository],
  exports: [InstitutionRepository],
})
export class InstitutionModule {}
