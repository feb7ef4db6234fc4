import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@kipp/service-kit';
import { InboxRepository } from './inbox.repository';
import { inboxItemView, type InboxItemView } from './inbox-views';
import { pageQueryShape, queryBoolean } from './http-query';
import { AcknowledgeMessageUseCase } from './use-cases/acknowledge-message.use-case';
import { ListInboxUseCase } from './use-cases/list-inbox.use-case';
import { ReadMessageUseCase } from './use-cases/read-message.use-case';

const inboxQuery = z.strictObject({ unread: queryBoolean, ...pageQueryShape });
const messageParams = z.strictObject({ id: z.string().min(1).max(400) });
const inboxPageView = z.object({
  items: z.array(inboxItemView),
  nextCursor: z.string().nullable(),
});
const countsView = z.object({ unread: z.number(), awaitingAcknowledgement: z.number() });
const readAllView = z.object({ marked: z.number() });

/** The caller's own in-app messages; every route is about the bearer's account only. */
@ApiTags('inbox')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(
    private readonly listInbox: ListInboxUseCase,
    private readonly readMessage: ReadMessageUseCase,
    private readonly acknowledgeMessage: AcknowledgeMessageUseCase,
    private readonly inbox: InboxRepository,
  ) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, inboxPageView, 'Newest first')
  list(
    @ZodQuery(inboxQuery) query: z.infer<typeof inboxQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof inboxPageView>> {
    return this.listInbox.execute(user.accountId, query);
  }

  @Get('unread-count')
  @ApiZodResponse(HttpStatus.OK, countsView, 'Unread, and awaiting acknowledgement')
  counts(@CurrentUser() user: AuthenticatedUser): Promise<z.infer<typeof countsView>> {
    return this.inbox.counts(user.accountId);
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, readAllView, 'How many were unread')
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<z.infer<typeof readAllView>> {
    return { marked: await this.inbox.markAllRead(user.accountId, new Date()) };
  }

  @Get(':id')
  @ApiZodResponse(HttpStatus.OK, inboxItemView, 'One of your messages')
  get(
    @ZodParams(messageParams) params: z.infer<typeof messageParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InboxItemView> {
    return this.readMessage.execute(user.accountId, params.id, { markRead: false });
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, inboxItemView, 'Read (the first reading time is kept)')
  read(
    @ZodParams(messageParams) params: z.infer<typeof messageParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InboxItemView> {
    return this.readMessage.execute(user.accountId, params.id, { markRead: true });
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, inboxItemView, 'Acknowledged and read (first times kept)')
  acknowledge(
    @ZodParams(messageParams) params: z.infer<typeof messageParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InboxItemView> {
    return this.acknowledgeMessage.execute(user.accountId, params.id);
  }
}
