import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Res,
  StreamableFile,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { REPLICATION_CONFIRMATIONS, REPLICATION_STATUSES } from '@kipp/contracts';
import {
  ApiZodResponse,
  DETECTABLE_FILE_TYPES,
  fileDownload,
  Public,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@kipp/service-kit';
import { EvidenceUploadErrorsInterceptor } from './evidence-upload.interceptor';
import type { StoredReplicationLink } from './replication-link.repository';
import { EVIDENCE_KINDS, type EvidenceKind } from './replication-link.schema';
import {
  ChangeReplicationUseCase,
  changeReplicationStatusBodySchema,
  countersignReplicationBodySchema,
  disputeReplicationBodySchema,
  type ChangeReplicationStatusBody,
  type CountersignReplicationBody,
  type DisputeReplicationBody,
} from './use-cases/change-replication.use-case';
import { DownloadReplicationEvidenceUseCase } from './use-cases/download-replication-evidence.use-case';
import { GetReplicationUseCase } from './use-cases/get-replication.use-case';
import {
  ListPublicReplicationsUseCase,
  type PublicReplicationLink,
} from './use-cases/list-public-replications.use-case';
import {
  listPublicReplicationsQuerySchema,
  listReplicationsQuerySchema,
  ListReplicationsUseCase,
  type ListPublicReplicationsQuery,
  type ListReplicationsQuery,
} from './use-cases/list-replications.use-case';
import {
  MAX_REPLICATION_FILES,
  registerReplicationBodySchema,
  RegisterReplicationUseCase,
  type RegisterReplicationBody,
  type UploadedEvidenceFile,
} from './use-cases/register-replication.use-case';

const id = z.string().min(1).max(64);
const replicationParams = z.strictObject({ id });
const evidenceParams = z.strictObject({ id, fileId: z.string().min(1).max(64) });

const actorView = z.union([
  z.object({ kind: z.literal('account'), accountId: z.string() }),
  z.object({ kind: z.literal('system'), process: z.string() }),
]);
/** What both the parties' and the public views show of a link. */
const linkFields = z.object({
  replicationId: z.string(),
  innovationId: z.string(),
  innovationTitle: z.string(),
  originInstitutionId: z.string(),
  adopterInstitutionId: z.string(),
  adopterProvinceCode: z.string().nullable(),
  title: z.string(),
  status: z.enum(REPLICATION_STATUSES),
  source: z.enum(['registered', 'proposal']),
  recordedAt: z.string(),
  updatedAt: z.string(),
});
const publicLinkView = linkFields.extend({
  adopterInstitutionName: z
    .string()
    .nullable()
    .describe("the adopter's name in the institution registry; null until it is known"),
});
const linkView = linkFields.extend({
  revision: z.number(),
  originUnitId: z.string().nullable(),
  confirmation: z.enum(REPLICATION_CONFIRMATIONS),
  disputeReason: z.string().nullable(),
  proposalId: z.string().nullable(),
  visitId: z.string().nullable(),
  evidence: z.array(
    z.object({
      fileId: z.string(),
      kind: z.enum(EVIDENCE_KINDS),
      filename: z.string(),
      contentType: z.enum(DETECTABLE_FILE_TYPES),
      sizeBytes: z.number(),
      sha256: z.string(),
      href: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      revision: z.number(),
      action: z.enum(['recorded', 'countersigned', 'disputed', 'status-changed', 'withdrawn']),
      by: actorView,
      at: z.string(),
      status: z.enum(REPLICATION_STATUSES),
      confirmation: z.enum(REPLICATION_CONFIRMATIONS),
      note: z.string().nullable(),
    }),
  ),
});
const linkListView = z.object({ replications: z.array(linkView), total: z.number() });
const publicLinkListView = z.object({
  replications: z.array(publicLinkView),
  total: z.number(),
});

type LinkView = z.infer<typeof linkView>;
type LinkFields = z.infer<typeof linkFields>;
type PublicLinkView = z.infer<typeof publicLinkView>;

/** The part of multer's file object (memory storage) that is read here. */
interface MulterFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}
type UploadedFields = Partial<Record<EvidenceKind, MulterFile[]>>;

@ApiTags('replications')
@Controller()
export class LedgerController {
  constructor(
    private readonly registerReplication: RegisterReplicationUseCase,
    private readonly changeReplication: ChangeReplicationUseCase,
    private readonly getReplication: GetReplicationUseCase,
    private readonly listReplications: ListReplicationsUseCase,
    private readonly listPublicReplications: ListPublicReplicationsUseCase,
    private readonly downloadEvidence: DownloadReplicationEvidenceUseCase,
  ) {}

  @Post('replications')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    EvidenceUploadErrorsInterceptor,
    // Memory storage with the module's limits: each file is checked whole (type by its
    // bytes) before any is stored. One form field per kind of evidence.
    FileFieldsInterceptor(
      EVIDENCE_KINDS.map((name) => ({ name, maxCount: MAX_REPLICATION_FILES })),
    ),
  )
  @ApiZodResponse(HttpStatus.CREATED, linkView, 'The link, pending the origin’s counter-signature')
  async register(
    @ZodBody(registerReplicationBodySchema) body: RegisterReplicationBody,
    @UploadedFiles() fields: UploadedFields | undefined,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkView> {
    const files: UploadedEvidenceFile[] = EVIDENCE_KINDS.flatMap((kind) =>
      (fields?.[kind] ?? []).map((file) => ({
        kind,
        originalname: file.originalname,
        buffer: file.buffer,
        size: file.size,
      })),
    );
    return toView(await this.registerReplication.execute(user, body, files));
  }

  @Get('replications')
  @ApiBearerAuth()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, linkListView, "The caller's institution's links (all: ministry)")
  async list(
    @ZodQuery(listReplicationsQuerySchema) query: ListReplicationsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof linkListView>> {
    const page = await this.listReplications.execute(user, query);
    return { replications: page.links.map(toView), total: page.total };
  }

  @Public()
  @Get('public/replications')
  @ApiZodResponse(HttpStatus.OK, publicLinkListView, 'Confirmed links only, without evidence')
  async publicList(
    @ZodQuery(listPublicReplicationsQuerySchema) query: ListPublicReplicationsQuery,
  ): Promise<z.infer<typeof publicLinkListView>> {
    const page = await this.listPublicReplications.execute(query);
    return { replications: page.links.map(toPublicView), total: page.total };
  }

  @Get('replications/:id')
  @ApiBearerAuth()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, linkView, 'The link with its evidence and history')
  async get(
    @ZodParams(replicationParams) params: z.infer<typeof replicationParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkView> {
    return toView(await this.getReplication.execute(user, params.id));
  }

  @Get('replications/:id/evidence/:fileId')
  @ApiBearerAuth()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  async evidence(
    @ZodParams(evidenceParams) params: z.infer<typeof evidenceParams>,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.downloadEvidence.execute(user, params.id, params.fileId);
    return fileDownload(response, file);
  }

  @Post('replications/:id/countersign')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, linkView, 'The origin confirmed the link')
  async countersign(
    @ZodParams(replicationParams) params: z.infer<typeof replicationParams>,
    @ZodBody(countersignReplicationBodySchema) body: CountersignReplicationBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkView> {
    return toView(await this.changeReplication.countersign(user, params.id, body));
  }

  @Post('replications/:id/dispute')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, linkView, 'The origin disputed the link, with its reason')
  async dispute(
    @ZodParams(replicationParams) params: z.infer<typeof replicationParams>,
    @ZodBody(disputeReplicationBodySchema) body: DisputeReplicationBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkView> {
    return toView(await this.changeReplication.dispute(user, params.id, body));
  }

  @Post('replications/:id/status')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, linkView, 'The adopter moved the replication along')
  async changeStatus(
    @ZodParams(replicationParams) params: z.infer<typeof replicationParams>,
    @ZodBody(changeReplicationStatusBodySchema) body: ChangeReplicationStatusBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<LinkView> {
    return toView(await this.changeReplication.changeStatus(user, params.id, body));
  }
}

function toPublicView(link: PublicReplicationLink): PublicLinkView {
  return { ...toFields(link), adopterInstitutionName: link.adopterInstitutionName };
}

function toFields(link: StoredReplicationLink): LinkFields {
  return {
    replicationId: link._id,
    innovationId: link.innovationId,
    innovationTitle: link.innovationTitle,
    originInstitutionId: link.originInstitutionId,
    adopterInstitutionId: link.adopterInstitutionId,
    adopterProvinceCode: link.adopterProvinceCode,
    title: link.title,
    status: link.status,
    source: link.source,
    recordedAt: new Date(link.recordedAt).toISOString(),
    updatedAt: new Date(link.updatedAt).toISOString(),
  };
}

function toView(link: StoredReplicationLink): LinkView {
  return {
    ...toFields(link),
    revision: link.revision,
    originUnitId: link.originUnitId,
    confirmation: link.confirmation,
    disputeReason: link.disputeReason,
    proposalId: link.proposalId,
    visitId: link.visitId,
    evidence: link.evidence.map((e) => ({
      ...e,
      href: `/replications/${link._id}/evidence/${e.fileId}`,
    })),
    history: link.history.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })),
  };
}
