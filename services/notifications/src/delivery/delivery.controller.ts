import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@kipp/service-kit';
import {
  deliveryDetailView,
  deliveryListView,
  deliverySummaryView,
  type DeliveryDetail,
} from './delivery.views';
import { GetDeliveryUseCase } from './use-cases/get-delivery.use-case';
import {
  deliveryFilterSchema,
  ListDeliveriesUseCase,
  listDeliveriesSchema,
  type DeliveryFilter,
  type DeliveryPage,
  type ListDeliveriesInput,
} from './use-cases/list-deliveries.use-case';
import { ResendDeliveryUseCase } from './use-cases/resend-delivery.use-case';
import {
  SummarizeDeliveriesUseCase,
  type DeliverySummary,
} from './use-cases/summarize-deliveries.use-case';

const deliveryParams = z.strictObject({ id: z.string().min(1).max(300) });
type DeliveryParams = z.infer<typeof deliveryParams>;

/** The delivery log: every message and what became of it. National admins only. */
@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('deliveries')
@Roles('national_admin')
export class DeliveryController {
  constructor(
    private readonly listDeliveries: ListDeliveriesUseCase,
    private readonly summarizeDeliveries: SummarizeDeliveriesUseCase,
    private readonly getDelivery: GetDeliveryUseCase,
    private readonly resendDelivery: ResendDeliveryUseCase,
  ) {}

  @Get()
  @ApiZodResponse(HttpStatus.OK, deliveryListView, 'Matching messages, newest first')
  list(@ZodQuery(listDeliveriesSchema) query: ListDeliveriesInput): Promise<DeliveryPage> {
    return this.listDeliveries.execute(query);
  }

  @Get('summary')
  @ApiZodResponse(HttpStatus.OK, deliverySummaryView, 'Matching messages counted by status')
  summary(@ZodQuery(deliveryFilterSchema) query: DeliveryFilter): Promise<DeliverySummary> {
    return this.summarizeDeliveries.execute(query);
  }

  @Get(':id')
  @ApiZodResponse(HttpStatus.OK, deliveryDetailView, 'The message with its full log')
  get(@ZodParams(deliveryParams) params: DeliveryParams): Promise<DeliveryDetail> {
    return this.getDelivery.execute(params.id);
  }

  @Post(':id/resend')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, deliveryDetailView, 'The message, back in the queue')
  resend(
    @ZodParams(deliveryParams) params: DeliveryParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<DeliveryDetail> {
    return this.resendDelivery.execute(params.id, user);
  }
}
