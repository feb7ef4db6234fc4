import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@kipp/service-kit';
import type { Unit } from './unit.schema';
import {
  createUnitSchema,
  CreateUnitUseCase,
  type CreateUnitInput,
} from './use-cases/create-unit.use-case';
import { ListUnitsUseCase } from './use-cases/list-units.use-case';

const unitResponse = z.object({
  unitId: z.string(),
  institutionId: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
const unitListResponse = z.object({ items: z.array(unitResponse) });

const institutionParams = z.strictObject({ institutionId: z.string().min(1).max(64) });

function toResponse(unit: Unit): z.infer<typeof unitResponse> {
  return {
    unitId: unit._id,
    institutionId: unit.institutionId,
    name: unit.name,
    createdAt: unit.createdAt.toISOString(),
  };
}

@ApiTags('units')
@ApiBearerAuth()
@Controller('institutions/:institutionId/units')
export class UnitController {
  constructor(
    private readonly createUnit: CreateUnitUseCase,
    private readonly listUnits: ListUnitsUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.CREATED, unitResponse, 'The unit as created')
  async create(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @ZodBody(createUnitSchema) body: CreateUnitInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof unitResponse>> {
    return toResponse(await this.createUnit.execute(params.institutionId, body, user));
  }

  @Get()
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, unitListResponse)
  async list(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof unitListResponse>> {
    const units = await this.listUnits.execute(params.institutionId, user);
    return { items: units.map(toResponse) };
  }
}
