import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, Public, ZodBody, ZodParams } from '@kipp/service-kit';
import { ConfirmVisitUseCase } from './use-cases/confirm-visit.use-case';
import { ListVisitsUseCase } from './use-cases/list-visits.use-case';
import type { ListedVisit } from './visit-annotator';
import {
  recordVisitBodySchema,
  RecordVisitUseCase,
  type RecordVisitBody,
} from './use-cases/record-visit.use-case';

const id = z.string().min(1).max(64);
const innovationParams = z.strictObject({ id });
const visitParams = z.strictObject({ id });

const visitView = z.object({
  visitId: z.string(),
  innovationId: z.string(),
  originInstitutionId: z.string(),
  visitorInstitutionId: z.string(),
  visitorInstitutionName: z.string().nullable(),
  visitedOn: z.string(),
  purpose: z.string(),
  confirmed: z.boolean(),
  recordedAt: z.string(),
  confirmedAt: z.string().nullable(),
  /** A confirmed visit after which the visitor recorded a replication of the innovation. */
  ledToReplication: z.boolean(),
});
const visitListView = z.object({ visits: z.array(visitView) });
const publicVisitListView = z.object({
  visits: z.array(
    z.object({
      visitId: z.string(),
      visitedOn: z.string(),
      visitorInstitutionName: z.string().nullable(),
      purpose: z.string(),
      ledToReplication: z.boolean(),
    }),
  ),
});

type VisitView = z.infer<typeof visitView>;

@ApiTags('visits')
@Controller()
export class VisitsController {
  constructor(
    private readonly recordVisit: RecordVisitUseCase,
    private readonly confirmVisit: ConfirmVisitUseCase,
    private readonly listVisits: ListVisitsUseCase,
  ) {}

  @Post('innovations/:id/visits')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, visitView, 'The visit, waiting for the visitor to confirm')
  async record(
    @ZodParams(innovationParams) params: z.infer<typeof innovationParams>,
    @ZodBody(recordVisitBodySchema) body: RecordVisitBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<VisitView> {
    return toView(await this.recordVisit.execute(user, params.id, body));
  }

  @Post('visits/:id/confirm')
  @ApiBearerAuth()
  @Roles('local_admin', 'unit_operator')
  @HttpCode(HttpStatus.OK)
  @ApiZodResponse(HttpStatus.OK, visitView, 'The confirmed visit (again, if confirmed before)')
  async confirm(
    @ZodParams(visitParams) params: z.infer<typeof visitParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<VisitView> {
    return toView(await this.confirmVisit.execute(user, params.id));
  }

  @Get('innovations/:id/visits')
  @ApiBearerAuth()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, visitListView, "The innovation's visits the caller may see")
  async list(
    @ZodParams(innovationParams) params: z.infer<typeof innovationParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof visitListView>> {
    return { visits: (await this.listVisits.execute(user, params.id)).map(toView) };
  }

  @Public()
  @Get('public/innovations/:id/visits')
  @ApiZodResponse(HttpStatus.OK, publicVisitListView, 'Confirmed visits only')
  async publicList(
    @ZodParams(innovationParams) params: z.infer<typeof innovationParams>,
  ): Promise<z.infer<typeof publicVisitListView>> {
    return { visits: await this.listVisits.executePublic(params.id) };
  }
}

function toView(visit: ListedVisit): VisitView {
  return {
    visitId: visit._id,
    innovationId: visit.innovationId,
    originInstitutionId: visit.originInstitutionId,
    visitorInstitutionId: visit.visitorInstitutionId,
    visitorInstitutionName: visit.visitorInstitutionName,
    visitedOn: visit.visitedOn,
    purpose: visit.purpose,
    confirmed: visit.confirmed,
    recordedAt: new Date(visit.recordedAt).toISOString(),
    confirmedAt: visit.confirmedAt ? new Date(visit.confirmedAt).toISOString() : null,
    ledToReplication: visit.ledToReplication,
  };
}
