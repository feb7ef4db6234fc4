import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@kipp/service-kit';
import type { FieldPhoto, FieldVerification } from './field-verification.schema';
import { MAX_PHOTO_BYTES } from './photo-type';
import { ReadFieldVerificationsUseCase } from './use-cases/read-field-verifications.use-case';
import { RecordFieldVerificationUseCase } from './use-cases/record-field-verification.use-case';
import {
  UploadFieldPhotoUseCase,
  type UploadedPhoto,
} from './use-cases/upload-field-photo.use-case';

const id = z.string().min(1).max(64);
const proposalParams = z.strictObject({ proposalId: id });
const verificationParams = z.strictObject({ id });
const photoParams = z.strictObject({ id, fileId: id });
const recordBody = z.strictObject({
  visitedOn: z.iso.date(),
  team: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  findings: z.string().trim().min(1).max(20_000),
  recommendation: z.enum(['confirmed', 'concerns']).optional(),
});

const photoView = z.object({
  fileId: z.string(),
  filename: z.string(),
  contentType: z.enum(['image/jpeg', 'image/png']),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
const verificationView = z.object({
  id: z.string(),
  editionId: z.string(),
  proposalId: z.string(),
  institutionId: z.string(),
  visitedOn: z.string(),
  team: z.array(z.string()),
  findings: z.string(),
  recommendation: z.enum(['confirmed', 'concerns']).nullable(),
  photos: z.array(photoView),
  recordedBy: z.string(),
});
type PhotoResponse = z.infer<typeof photoView>;
type VerificationResponse = z.infer<typeof verificationView>;

const toPhoto = (photo: FieldPhoto): PhotoResponse => ({
  ...photo,
  uploadedAt: new Date(photo.uploadedAt).toISOString(),
});
const toView = (record: FieldVerification): VerificationResponse => ({
  id: record._id,
  editionId: record.editionId,
  proposalId: record.proposalId,
  institutionId: record.institutionId,
  visitedOn: record.visitedOn,
  team: record.team,
  findings: record.findings,
  recommendation: record.recommendation,
  photos: record.photos.map(toPhoto),
  recordedBy: record.recordedBy,
});

@ApiTags('field-verification')
@ApiBearerAuth()
@Controller()
@Roles('national_admin', 'panelist')
export class FieldVerificationController {
  constructor(
    private readonly record: RecordFieldVerificationUseCase,
    private readonly read: ReadFieldVerificationsUseCase,
    private readonly uploadPhoto: UploadFieldPhotoUseCase,
  ) {}

  @Post('proposals/:proposalId/field-verifications')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, verificationView, 'The recorded visit')
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(proposalParams) params: z.infer<typeof proposalParams>,
    @ZodBody(recordBody) body: z.infer<typeof recordBody>,
  ): Promise<VerificationResponse> {
    return toView(await this.record.execute(user, params.proposalId, body));
  }

  @Get('proposals/:proposalId/field-verifications')
  @ApiZodResponse(HttpStatus.OK, z.array(verificationView), "A finalist's visits")
  async list(
    @ZodParams(proposalParams) params: z.infer<typeof proposalParams>,
  ): Promise<VerificationResponse[]> {
    return (await this.read.listOfProposal(params.proposalId)).map(toView);
  }

  @Get('field-verifications/:id')
  @ApiZodResponse(HttpStatus.OK, verificationView, 'One visit')
  async get(
    @ZodParams(verificationParams) params: z.infer<typeof verificationParams>,
  ): Promise<VerificationResponse> {
    return toView(await this.read.get(params.id));
  }

  @Post('field-verifications/:id/photos')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    // Memory storage; one byte over the limit is enough for the use case to answer 413.
    FileInterceptor('file', { limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 5 } }),
  )
  @ApiZodResponse(HttpStatus.CREATED, photoView, 'The stored photo')
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(verificationParams) params: z.infer<typeof verificationParams>,
    @UploadedFile() file: UploadedPhoto | undefined,
  ): Promise<PhotoResponse> {
    return toPhoto(await this.uploadPhoto.execute(user, params.id, file));
  }

  @Get('field-verifications/:id/photos/:fileId')
  async download(
    @ZodParams(photoParams) params: z.infer<typeof photoParams>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { photo, stream } = await this.read.photo(params.id, params.fileId);
    response.setHeader('X-Checksum-SHA256', photo.sha256);
    return new StreamableFile(stream, {
      type: photo.contentType,
      disposition: `attachment; filename="${photo.filename}"`,
      length: photo.sizeBytes,
    });
  }
}
