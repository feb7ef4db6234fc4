import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, Public, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { StoredCheckIn } from './check-in.repository';
import { CHECK_IN_OUTCOMES, CHECK_IN_STATUSES } from './check-in.schema';
import { ListCheckInsUseCase } from './use-cases/list-check-ins.use-case';
import {
  submitCheckInBodySchema,
  SubmitCheckInUseCase,
  type SubmitCheckInBody,
} from './use-cases/submit-check-in.use-case';

const id = z.string().min(1).max(100);
const idParams = z.strictObject({ id });
const listQuery = z.strictObject({
  innovationId: z.string().min(1).max(64).optional(),
  status: z.enum(CHECK_IN_STATUSES).optional(),
});

const answerView = z.object({
  running: z.boolean(),
  inBudget: z.boolean(),
  regulationInForce: z.boolean(),
  peopleServed: z.number().nullable(),
  scaled: z.boolean(),
  outcome: z.enum(CHECK_IN_OUTCOMES),
  late: z.boolean(),
  answeredAt: z.string(),
});
const checkInView = z.object({
  checkInId: z.string(),
  innovationId: z.string(),
  innovationTitle: z.string(),
  institutionId: z.string(),
  unitId: z.string().nullable(),
  period: z.number(),
  openedAt: z.string(),
  dueAt: z.string(),
  status: z.enum(CHECK_IN_STATUSES),
  answer: answerView.nullable(),
});
const checkInListView = z.object({ checkIns: z.array(checkInView) });
const publicCheckInListView = z.object({
  checkIns: z.array(
    z.object({
      period: z.number(),
      status: z.enum(CHECK_IN_STATUSES),
      outcome: z.enum(CHECK_IN_OUTCOMES).nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
});

type CheckInView = z.infer<typeof checkInView>;

@ApiTags('check-ins')
@Controller()
export class CheckInsController {
  constructor(
    private readonly submitCheckIn: SubmitCheckInUseCase,
    private readonly listCheckIns: ListCheckInsUseCase,
  ) {}

  @Post('check-ins/:id')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, checkInView, 'The answered check-in and its outcome')
  async submit(
    @ZodParams(idParams) params: z.infer<typeof idParams>,
    @ZodBody(submitCheckInBodySchema) body: SubmitCheckInBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<CheckInView> {
    return toView(await this.submitCheckIn.execute(user, params.id, body));
  }

  @Get('check-ins')
  @ApiBearerAuth()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, checkInListView, "Own institution's check-ins (admins: all)")
  async list(
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof checkInListView>> {
    return { checkIns: (await this.listCheckIns.execute(user, query)).map(toView) };
  }

  @Public()
  // The brief's path, and the one beside the service's other public routes.
  @Get(['innovations/:id/check-ins', 'public/innovations/:id/check-ins'])
  @ApiZodResponse(HttpStatus.OK, publicCheckInListView, 'Periods and outcomes, no free text')
  async publicList(
    @ZodParams(idParams) params: z.infer<typeof idParams>,
  ): Promise<z.infer<typeof publicCheckInListView>> {
    const checkIns = await this.listCheckIns.executePublic(params.id);
    return {
      checkIns: checkIns.map((checkIn) => ({
        period: checkIn.period,
        status: checkIn.status,
        outcome: checkIn.answer?.outcome ?? null,
        answeredAt: checkIn.answer ? new Date(checkIn.answer.answeredAt).toISOString() : null,
      })),
    };
  }
}

function toView(checkIn: StoredCheckIn): CheckInView {
  const answer = checkIn.answer;
  return {
    checkInId: checkIn._id,
    innovationId: checkIn.innovationId,
    innovationTitle: checkIn.innovationTitle,
    institutionId: checkIn.institutionId,
    unitId: checkIn.unitId,
    period: checkIn.period,
    openedAt: new Date(checkIn.openedAt).toISOString(),
    dueAt: new Date(checkIn.dueAt).toISOString(),
    status: checkIn.status,
    answer: answer
      ? {
          running: answer.running,
          inBudget: answer.inBudget,
          regulationInForce: answer.regulationInForce,
          peopleServed: answer.peopleServed,
          scaled: answer.scaled,
          outcome: answer.outcome,
          late: answer.late,
          answeredAt: new Date(answer.answeredAt).toISOString(),
        }
      : null,
  };
}
