import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, Roles, type AuthenticatedUser } from '@kipp/auth';
import { LOCALES } from '@kipp/contracts';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import { accountView, toAccountView } from '../account.view';
import type { LocalAdminRequest } from './local-admin-request.schema';
import { REQUEST_STATUSES } from './local-admin-request.schema';
import {
  decideLocalAdminRequestSchema,
  DecideLocalAdminRequestUseCase,
  type DecideLocalAdminRequestInput,
} from './use-cases/decide-local-admin-request.use-case';
import { GetAppointmentLetterUseCase } from './use-cases/get-appointment-letter.use-case';
import {
  listLocalAdminRequestsSchema,
  ListLocalAdminRequestsUseCase,
  type ListLocalAdminRequestsInput,
} from './use-cases/list-local-admin-requests.use-case';
import {
  MAX_LETTER_BYTES,
  submitLocalAdminRequestSchema,
  SubmitLocalAdminRequestUseCase,
  type SubmitLocalAdminRequestInput,
  type UploadedLetter,
} from './use-cases/submit-local-admin-request.use-case';

const requestView = z.object({
  requestId: z.string(),
  institutionId: z.string(),
  candidateName: z.string(),
  candidateEmail: z.string(),
  candidateUserId: z.string(),
  locale: z.enum(LOCALES),
  status: z.enum(REQUEST_STATUSES),
  letter: z.object({ filename: z.string(), sizeBytes: z.number(), sha256: z.string() }),
  decision: z
    .object({
      reason: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
      accountId: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
});
type RequestView = z.infer<typeof requestView>;

const requestPage = z.object({
  items: z.array(requestView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const decisionResponse = z.object({
  request: requestView,
  account: accountView.nullable(),
  initialPassword: z.string().nullable(),
});

const requestParams = z.strictObject({ requestId: z.string().min(1).max(64) });
type RequestParams = z.infer<typeof requestParams>;

function toView(request: LocalAdminRequest): RequestView {
  return {
    requestId: request._id,
    institutionId: request.institutionId,
    candidateName: request.candidateName,
    candidateEmail: request.candidateEmail,
    candidateUserId: request.candidateUserId,
    locale: request.locale,
    status: request.status,
    letter: {
      filename: request.letter.filename,
      sizeBytes: request.letter.sizeBytes,
      sha256: request.letter.sha256,
    },
    decision: request.decision && {
      reason: request.decision.reason,
      decidedBy: request.decision.decidedBy,
      decidedAt: request.decision.decidedAt.toISOString(),
      accountId: request.decision.accountId,
    },
    createdAt: request.createdAt.toISOString(),
  };
}

@ApiTags('local-admin-requests')
@ApiBearerAuth()
@Controller('local-admin-requests')
export class LocalAdminRequestController {
  constructor(
    private readonly submitRequest: SubmitLocalAdminRequestUseCase,
    private readonly listRequests: ListLocalAdminRequestsUseCase,
    private readonly getLetter: GetAppointmentLetterUseCase,
    private readonly decideRequest: DecideLocalAdminRequestUseCase,
  ) {}

  @Post()
  @Public()
  @HttpCode(HttpStatus.CREATED)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(
    // Memory storage (multer's default without `dest`): the letter is small and goes to GridFS.
    FileInterceptor('letter', {
      limits: { fileSize: MAX_LETTER_BYTES, files: 1, fields: 10, fieldSize: 4096 },
    }),
  )
  @ApiZodResponse(HttpStatus.CREATED, requestView, 'The request, pending a decision')
  async submit(
    @ZodBody(submitLocalAdminRequestSchema) body: SubmitLocalAdminRequestInput,
    @UploadedFile() letter: UploadedLetter | undefined,
  ): Promise<RequestView> {
    return toView(await this.submitRequest.execute(body, letter));
  }

  @Get()
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, requestPage)
  async list(
    @ZodQuery(listLocalAdminRequestsSchema) query: ListLocalAdminRequestsInput,
  ): Promise<z.infer<typeof requestPage>> {
    const page = await this.listRequests.execute(query);
    return { ...page, items: page.items.map(toView) };
  }

  @Get(':requestId/letter')
  @Roles('national_admin')
  async letter(@ZodParams(requestParams) params: RequestParams): Promise<StreamableFile> {
    const letter = await this.getLetter.execute(params.requestId);
    return new StreamableFile(letter.bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${letter.filename}"`,
      length: letter.bytes.length,
    });
  }

  @Post(':requestId/decision')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(
    HttpStatus.OK,
    decisionResponse,
    'The decided request; on approval the new local admin and its first password (shown once)',
  )
  async decide(
    @ZodParams(requestParams) params: RequestParams,
    @ZodBody(decideLocalAdminRequestSchema) body: DecideLocalAdminRequestInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof decisionResponse>> {
    const decided = await this.decideRequest.execute(params.requestId, body, user);
    return {
      request: toView(decided.request),
      account: decided.account && toAccountView(decided.account),
      initialPassword: decided.initialPassword,
    };
  }
}
