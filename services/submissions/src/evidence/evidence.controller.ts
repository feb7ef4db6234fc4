import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { EVIDENCE_TYPES } from '@kipp/contracts';
import { ApiZodResponse, fileDownload, ZodParams } from '@kipp/service-kit';
import type { ProposalEvidence } from '../proposal/proposal.schema';
import { DeleteEvidenceUseCase } from './use-cases/delete-evidence.use-case';
import {
  DownloadEvidenceUseCase,
  evidenceFileParamsSchema,
  type EvidenceFileParams,
} from './use-cases/download-evidence.use-case';
import {
  evidenceParamsSchema,
  MAX_EVIDENCE_UPLOAD_BYTES,
  UploadEvidenceUseCase,
  type EvidenceParams,
  type PreparedEvidenceUpload,
} from './use-cases/upload-evidence.use-case';
import type { StagedEvidence } from './evidence-upload.engine';
import { EvidenceUploadGuard, PreparedUpload } from './evidence-upload.guard';

const evidenceView = z.object({
  evidenceId: z.string(),
  fileId: z.string(),
  filename: z.string(),
  contentType: z.enum(EVIDENCE_TYPES),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
type EvidenceView = z.infer<typeof evidenceView>;

function toView(entry: ProposalEvidence): EvidenceView {
  return { ...entry, uploadedAt: entry.uploadedAt.toISOString() };
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('proposals/:proposalId/evidence')
export class EvidenceController {
  constructor(
    private readonly uploadEvidence: UploadEvidenceUseCase,
    private readonly downloadEvidence: DownloadEvidenceUseCase,
    private readonly deleteEvidence: DeleteEvidenceUseCase,
  ) {}

  @Post(':evidenceId')
  @Roles('unit_operator')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  // Guards run before interceptors: the proposal is checked before multer reads the body.
  @UseGuards(EvidenceUploadGuard)
  @UseInterceptors(
    // The storage engine (EvidenceModule's MulterModule) streams the file into the evidence
    // storage, enforcing the prepared requirement; the use case then records it.
    FileInterceptor('file', {
      limits: { fileSize: MAX_EVIDENCE_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 1024 },
    }),
  )
  @ApiZodResponse(HttpStatus.CREATED, evidenceView, 'The evidence entry now on the proposal')
  async upload(
    // Parsed by EvidenceUploadGuard already; kept for validation parity and the OpenAPI.
    @ZodParams(evidenceParamsSchema) _params: EvidenceParams,
    @PreparedUpload() prepared: PreparedEvidenceUpload,
    @UploadedFile() file: StagedEvidence | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EvidenceView> {
    return toView(await this.uploadEvidence.record(user, prepared, file));
  }

  @Get(':fileId')
  @Roles('unit_operator', 'local_admin', 'national_admin', 'evaluator', 'panelist')
  async download(
    @ZodParams(evidenceFileParamsSchema) params: EvidenceFileParams,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.downloadEvidence.execute(user, params);
    return fileDownload(response, file);
  }

  @Delete(':evidenceId')
  @Roles('unit_operator')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(
    @ZodParams(evidenceParamsSchema) params: EvidenceParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<void> {
    await this.deleteEvidence.execute(user, params);
  }
}
