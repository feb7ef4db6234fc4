import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FinalistsRepository } from '../plenary/finalists.repository';
import { FINALIST_MODELS } from '../plenary/plenary.module';
import { FieldPhotoStorage } from './field-photo.storage';
import { FieldVerificationController } from './field-verification.controller';
import { FieldVerificationRepository } from './field-verification.repository';
import { FIELD_VERIFICATION_MODEL, fieldVerificationSchema } from './field-verification.schema';
import { ReadFieldVerificationsUseCase } from './use-cases/read-field-verifications.use-case';
import { RecordFieldVerificationUseCase } from './use-cases/record-field-verification.use-case';
import { UploadFieldPhotoUseCase } from './use-cases/upload-field-photo.use-case';

/** Field verification of finalists: visit records and their photos (GridFS `field_photos`). */
@Module({
  imports: [
    MongooseModule.forFeature([
      ...FINALIST_MODELS,
      { name: FIELD_VERIFICATION_MODEL, schema: fieldVerificationSchema },
    ]),
  ],
  controllers: [FieldVerificationController],
  providers: [
    FinalistsRepository,
    FieldVerificationRepository,
    FieldPhotoStorage,
    RecordFieldVerificationUseCase,
    ReadFieldVerificationsUseCase,
    UploadFieldPhotoUseCase,
  ],
})
export class FieldVerificationModule {}
