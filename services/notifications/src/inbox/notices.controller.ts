import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@kipp/service-kit';
import { TEMPLATE_IDS, type TemplateId } from '../notification/catalogue';
import { pageQueryShape, queryBoolean } from './http-query';
import {
  ListAcknowledgementsUseCase,
  type AcknowledgementsView,
} from './use-cases/list-acknowledgements.use-case';
import { ListNoticesUseCase } from './use-cases/list-notices.use-case';

const id = z.string().min(1).max(200);
const noticesQuery = z.strictObject({
  requiresAck: queryBoolean,
  template: z.enum(TEMPLATE_IDS as [TemplateId, ...TemplateId[]]).optional(),
  editionId: id.optional(),
  ...pageQueryShape,
});
const noticeParams = z.strictObject({ id });
const acknowledgementsQuery = z.strictObject({ acknowledged: queryBoolean, ...pageQueryShape });

const localized = z.object({ id: z.string(), en: z.string() });
const noticeSummaryView = z.object({
  id: z.string(),
  template: z.string(),
  category: z.string(),
  title: localized,
  mandatory: z.boolean(),
  requiresAck: z.boolean(),
  refs: z.object({
    editionId: z.string().nullable(),
    proposalId: z.string().nullable(),
    institutionId: z.string().nullable(),
  }),
  recipientCount: z.number(),
  acknowledgedCount: z.number(),
  createdAt: z.string(),
});
const noticesView = z.object({
  notices: z.array(noticeSummaryView),
  nextCursor: z.string().nullable(),
});
const acknowledgementsView = z.object({
  noticeId: z.string(),
  template: z.string(),
  title: localized,
  requiresAck: z.boolean(),
  counts: z.object({ recipients: z.number(), acknowledged: z.number(), pending: z.number() }),
  recipients: z.array(
    z.object({
      accountId: z.string().nullable(),
      name: z.string(),
      email: z.string(),
      institutionId: z.string().nullable(),
      readAt: z.string().nullable(),
      acknowledgedAt: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

/**
 * The sender's side of notices: national admins see all of them; a local admin sees those
 * about their own institution (others are "not found").
 */
@ApiTags('notices')
@ApiBearerAuth()
@Roles('national_admin', 'local_admin')
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly listNotices: ListNoticesUseCase,
    private readonly listAcknowledgements: ListAcknowledgementsUseCase,
  ) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, noticesView, 'Newest first')
  list(
    @ZodQuery(noticesQuery) query: z.infer<typeof noticesQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof noticesView>> {
    return this.listNotices.execute(user, query);
  }

  @Get(':id/acknowledgements')
  @ApiZodResponse(
    HttpStatus.OK,
    acknowledgementsView,
    'Counts of all recipients and one page of them, newest first',
  )
  acknowledgements(
    @ZodParams(noticeParams) params: z.infer<typeof noticeParams>,
    @ZodQuery(acknowledgementsQuery) query: z.infer<typeof acknowledgementsQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AcknowledgementsView> {
    const { acknowledged, ...page } = query;
    return this.listAcknowledgements.execute(
      user,
      params.id,
      acknowledged === undefined ? page : { ...page, acknowledged },
    );
  }
}
