import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Ip,
  Post,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { EVIDENCE_TYPES } from '@kipp/contracts';
import { ApiZodResponse, fileDownload, Public, ZodBody, ZodParams } from '@kipp/service-kit';
import type { StoredObjection } from './objection.repository';
import { DownloadObjectionEvidenceUseCase } from './use-cases/download-objection-evidence.use-case';
import {
  fileObjectionBodySchema,
  FileObjectionUseCase,
  MAX_OBJECTION_FILE_BYTES,
  MAX_OBJECTION_FILES,
  type FileObjectionBody,
  type UploadedObjectionFile,
} from './use-cases/file-objection.use-case';
import { ListObjectionsUseCase } from './use-cases/list-objections.use-case';
import { ListPublicObjectionsUseCase } from './use-cases/list-public-objections.use-case';
import {
  resolveObjectionBodySchema,
  ResolveObjectionUseCase,
  type ResolveObjectionBody,
} from './use-cases/resolve-objection.use-case';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const objectionParams = z.strictObject({ id });
const evidenceParams = z.strictObject({ id, fileId: z.string().min(1).max(64) });

const filedView = z.object({
  objectionId: z.string(),
  proposalId: z.string(),
  editionId: z.string(),
  evidenceCount: z.number(),
  filedAt: z.string(),
});
const evidenceView = z.object({
  fileId: z.string(),
  filename: z.string(),
  contentType: z.enum(EVIDENCE_TYPES),
  sizeBytes: z.number(),
  sha256: z.string(),
  href: z.string(),
});
const resolutionView = z.object({
  outcome: z.enum(['upheld', 'dismissed']),
  reason: z.string(),
  resolvedBy: z.string(),
  resolvedAt: z.string(),
});
const objectionView = z.object({
  objectionId: z.string(),
  editionId: z.string(),
  proposalId: z.string(),
  institutionId: z.string(),
  proposalTitle: z.string(),
  institutionName: z.string().nullable(),
  objector: z.object({ name: z.string(), email: z.string() }),
  grounds: z.string(),
  evidence: z.array(evidenceView),
  filedAt: z.string(),
  resolution: resolutionView.nullable(),
});
const objectionListView = z.object({ objections: z.array(objectionView) });
const publicObjectionListView = z.object({
  objections: z.array(
    z.object({
      objectionId: z.string(),
      proposalId: z.string(),
      proposalTitle: z.string(),
      institutionName: z.string().nullable(),
      filedAt: z.string(),
      status: z.enum(['pending', 'upheld', 'dismissed']),
      reason: z.string().nullable(),
      resolvedAt: z.string().nullable(),
    }),
  ),
});

type FiledView = z.infer<typeof filedView>;
type ObjectionView = z.infer<typeof objectionView>;
type ResolutionView = z.infer<typeof resolutionView>;
type PublicObjectionListView = z.infer<typeof publicObjectionListView>;

@ApiTags('objections')
@Controller()
export class ObjectionController {
  constructor(
    private readonly fileObjection: FileObjectionUseCase,
    private readonly listObjections: ListObjectionsUseCase,
    private readonly listPublicObjections: ListPublicObjectionsUseCase,
    private readonly downloadEvidence: DownloadObjectionEvidenceUseCase,
    private readonly resolveObjection: ResolveObjectionUseCase,
  ) {}

  @Public()
  @Post('public/editions/:editionId/objections')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    // Memory storage: each file is checked whole (type by its bytes) before it is stored.
    FilesInterceptor('evidence', MAX_OBJECTION_FILES, {
      limits: {
        fileSize: MAX_OBJECTION_FILE_BYTES,
        files: MAX_OBJECTION_FILES,
        fields: 10,
        fieldSize: 20_000,
      },
    }),
  )
  @ApiZodResponse(HttpStatus.CREATED, filedView, 'The objection was filed')
  async file(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodBody(fileObjectionBodySchema) body: FileObjectionBody,
    @UploadedFiles() files: UploadedObjectionFile[] | undefined,
    @Ip() ip: string,
  ): Promise<FiledView> {
    const filed = await this.fileObjection.execute(params.editionId, ip, body, files ?? []);
    return { ...filed, filedAt: filed.filedAt.toISOString() };
  }

  @Public()
  @Get('public/editions/:editionId/objections')
  @ApiZodResponse(HttpStatus.OK, publicObjectionListView, 'Outcomes, without personal data')
  async publicList(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<PublicObjectionListView> {
    const objections = await this.listPublicObjections.execute(params.editionId);
    return {
      objections: objections.map((o) => ({
        ...o,
        filedAt: o.filedAt.toISOString(),
        resolvedAt: o.resolvedAt ? new Date(o.resolvedAt).toISOString() : null,
      })),
    };
  }

  @Get('editions/:editionId/objections')
  @ApiBearerAuth()
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, objectionListView, 'Every objection with contact and evidence')
  async list(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<z.infer<typeof objectionListView>> {
    return { objections: (await this.listObjections.execute(params.editionId)).map(toView) };
  }

  @Get('objections/:id/evidence/:fileId')
  @ApiBearerAuth()
  @Roles('national_admin')
  async evidence(
    @ZodParams(evidenceParams) params: z.infer<typeof evidenceParams>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.downloadEvidence.execute(params.id, params.fileId);
    return fileDownload(response, file);
  }

  @Post('objections/:id/resolve')
  @ApiBearerAuth()
  @Roles('national_admin')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, resolutionView, 'The resolution, public with the outcome')
  async resolve(
    @ZodParams(objectionParams) params: z.infer<typeof objectionParams>,
    @ZodBody(resolveObjectionBodySchema) body: ResolveObjectionBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ResolutionView> {
    const resolution = await this.resolveObjection.execute(user, params.id, body);
    return { ...resolution, resolvedAt: resolution.resolvedAt.toISOString() };
  }
}

function toView(objection: StoredObjection): ObjectionView {
  return {
    objectionId: objection._id,
    editionId: objection.editionId,
    proposalId: objection.proposalId,
    institutionId: objection.institutionId,
    proposalTitle: objection.proposalTitle,
    institutionName: objection.institutionName,
    objector: objection.objector,
    grounds: objection.grounds,
    evidence: objection.evidence.map((e) => ({
      ...e,
      href: `/objections/${objection._id}/evidence/${e.fileId}`,
    })),
    filedAt: new Date(objection.filedAt).toISOString(),
    resolution: objection.resolution
      ? {
          ...objection.resolution,
          resolvedAt: new Date(objection.resolution.resolvedAt).toISOString(),
        }
      : null,
  };
}
