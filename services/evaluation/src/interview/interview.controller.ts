import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { TIME_ZONES } from '@kipp/contracts';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { SlotView } from './interview.repository';
import { BookSlotUseCase } from './use-cases/book-slot.use-case';
import { ConfirmSlotUseCase } from './use-cases/confirm-slot.use-case';
import { GenerateSlotsUseCase } from './use-cases/generate-slots.use-case';
import { ListSlotsUseCase } from './use-cases/list-slots.use-case';
import { ReleaseSlotUseCase } from './use-cases/release-slot.use-case';
import { SwapSlotsUseCase } from './use-cases/swap-slots.use-case';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const slotParams = z.strictObject({ slotId: id });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
const generateBody = z.strictObject({
  days: z
    .array(
      z.strictObject({
        date: z.iso.date(),
        start: time,
        end: time,
        timeZone: z.enum(TIME_ZONES),
      }),
    )
    .min(1)
    .max(60),
  rooms: z.number().int().min(1).max(20).default(1),
});
const listQuery = z.strictObject({
  atRisk: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
const bookBody = z.strictObject({ proposalId: id });
const swapBody = z.strictObject({ withSlotId: id });

const slotView = z.object({
  slotId: z.string(),
  editionId: z.string(),
  room: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  presentationMinutes: z.number(),
  interviewMinutes: z.number(),
  proposalId: z.string().nullable(),
  institutionId: z.string().nullable(),
  confirmBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
type SlotResponse = z.infer<typeof slotView>;

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

function toResponse(slot: SlotView): SlotResponse {
  return {
    slotId: slot._id,
    editionId: slot.editionId,
    room: slot.room,
    startsAt: new Date(slot.startsAt).toISOString(),
    endsAt: new Date(slot.endsAt).toISOString(),
    presentationMinutes: slot.presentationMinutes,
    interviewMinutes: slot.interviewMinutes,
    proposalId: slot.proposalId,
    institutionId: slot.institutionId,
    confirmBy: iso(slot.confirmBy),
    confirmedAt: iso(slot.confirmedAt),
  };
}

@ApiTags('interview')
@ApiBearerAuth()
@Controller()
export class InterviewController {
  constructor(
    private readonly generateSlots: GenerateSlotsUseCase,
    private readonly listSlots: ListSlotsUseCase,
    private readonly bookSlot: BookSlotUseCase,
    private readonly swapSlots: SwapSlotsUseCase,
    private readonly confirmSlot: ConfirmSlotUseCase,
    private readonly releaseSlot: ReleaseSlotUseCase,
  ) {}

  @Post('editions/:editionId/interview-slots')
  @Roles('national_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, z.array(slotView), 'The slots of the given days')
  async generate(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodBody(generateBody) body: z.infer<typeof generateBody>,
  ): Promise<SlotResponse[]> {
    return (await this.generateSlots.execute(params.editionId, body)).map(toResponse);
  }

  @Get('editions/:editionId/interview-slots')
  @Roles('national_admin', 'panelist', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, z.array(slotView), 'The slots the caller may see')
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
  ): Promise<SlotResponse[]> {
    return (await this.listSlots.execute(user, params.editionId, query.atRisk)).map(toResponse);
  }

  @Post('interview-slots/:slotId/book')
  @Roles('national_admin', 'local_admin')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, slotView, 'The booked slot')
  async book(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(slotParams) params: z.infer<typeof slotParams>,
    @ZodBody(bookBody) body: z.infer<typeof bookBody>,
  ): Promise<SlotResponse> {
    return toResponse(await this.bookSlot.execute(user, params.slotId, body.proposalId));
  }

  @Post('interview-slots/:slotId/swap')
  @Roles('national_admin', 'local_admin')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, z.array(slotView), 'Both slots after the exchange')
  async swap(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(slotParams) params: z.infer<typeof slotParams>,
    @ZodBody(swapBody) body: z.infer<typeof swapBody>,
  ): Promise<SlotResponse[]> {
    return (await this.swapSlots.execute(user, params.slotId, body.withSlotId)).map(toResponse);
  }

  @Post('interview-slots/:slotId/confirm')
  @Roles('local_admin')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, slotView, 'The confirmed slot')
  async confirm(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(slotParams) params: z.infer<typeof slotParams>,
  ): Promise<SlotResponse> {
    return toResponse(await this.confirmSlot.execute(user, params.slotId));
  }

  @Post('interview-slots/:slotId/release')
  @Roles('national_admin', 'local_admin')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, slotView, 'The freed slot')
  async release(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(slotParams) params: z.infer<typeof slotParams>,
  ): Promise<SlotResponse> {
    return toResponse(await this.releaseSlot.execute(user, params.slotId));
  }
}
