import { Controller, Get, Headers, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import { pageQueryShape } from '../inbox/http-query';
import { IdempotencyKeyRequiredError } from './broadcast.errors';
import { GetBroadcastUseCase } from './use-cases/get-broadcast.use-case';
import { ListBroadcastsUseCase, type BroadcastView } from './use-cases/list-broadcasts.use-case';
import {
  sendBroadcastBodySchema,
  SendBroadcastUseCase,
  type SendBroadcastBody,
} from './use-cases/send-broadcast.use-case';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const sentView = z.object({ broadcastId: z.string(), recipientCount: z.number() });
const localized = z.object({ id: z.string(), en: z.string() });
const broadcastView = z.object({
  broadcastId: z.string(),
  subject: localized,
  body: localized,
  audience: z.record(z.string(), z.unknown()),
  mandatory: z.boolean(),
  requiresAck: z.boolean(),
  sentBy: z.string(),
  status: z.enum(['fanning-out', 'done']),
  recipientCount: z.number(),
  delivery: z.record(z.string(), z.record(z.string(), z.number())),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
const broadcastsView = z.object({
  broadcasts: z.array(broadcastView),
  nextCursor: z.string().nullable(),
});
const listQuery = z.strictObject(pageQueryShape);
const broadcastParams = z.strictObject({ id: z.string().min(1).max(100) });

@ApiTags('broadcasts')
@ApiBearerAuth()
@Roles('national_admin')
@Controller('broadcasts')
export class BroadcastController {
  constructor(
    private readonly sendBroadcast: SendBroadcastUseCase,
    private readonly listBroadcasts: ListBroadcastsUseCase,
    private readonly getBroadcast: GetBroadcastUseCase,
  ) {}

  @Post()
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One per broadcast' })
  @ApiZodResponse(HttpStatus.CREATED, sentView, 'Sent to everyone the audience resolved to')
  @ApiZodResponse(HttpStatus.OK, sentView, 'The broadcast this key already sent')
  async send(
    @ZodBody(sendBroadcastBodySchema) body: SendBroadcastBody,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<z.infer<typeof sentView>> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new IdempotencyKeyRequiredError();
    }
    const sent = await this.sendBroadcast.execute(user.accountId, idempotencyKey, body);
    response.status(sent.created ? HttpStatus.CREATED : HttpStatus.OK);
    return { broadcastId: sent.broadcastId, recipientCount: sent.recipientCount };
  }

  @Get()
  @ApiZodResponse(HttpStatus.OK, broadcastsView, 'Newest first, with delivery counts')
  list(
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
  ): Promise<{ broadcasts: BroadcastView[]; nextCursor: string | null }> {
    return this.listBroadcasts.execute(query);
  }

  @Get(':id')
  @ApiZodResponse(HttpStatus.OK, broadcastView, 'One broadcast, with delivery counts')
  get(@ZodParams(broadcastParams) params: z.infer<typeof broadcastParams>): Promise<BroadcastView> {
    return this.getBroadcast.execute(params.id);
  }
}
