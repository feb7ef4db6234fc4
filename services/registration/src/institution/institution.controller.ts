import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { ApiZodResponse, ZodBody, ZodParams } from '@kipp/service-kit';
import type { Institution } from './institution.schema';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';
import {
  registerInstitutionSchema,
  RegisterInstitutionUseCase,
  type RegisterInstitutionInput,
} from './use-cases/register-institution.use-case';

const institutionResponse = z.object({
  institutionId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().nullable(),
  disadvantaged: z.boolean(),
  registeredAt: z.string(),
});

const institutionParams = z.strictObject({ institutionId: z.string().min(1).max(64) });

function toResponse(institution: Institution): z.infer<typeof institutionResponse> {
  return {
    institutionId: institution._id,
    code: institution.code,
    name: institution.name,
    type: institution.type,
    provinceCode: institution.provinceCode,
    disadvantaged: institution.disadvantaged,
    registeredAt: institution.createdAt.toISOString(),
  };
}

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionController {
  constructor(
    private readonly registerInstitution: RegisterInstitutionUseCase,
    private readonly getInstitution: GetInstitutionUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.CREATED, institutionResponse, 'The institution as registered')
  async register(
    @ZodBody(registerInstitutionSchema) body: RegisterInstitutionInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof institutionResponse>> {
    return toResponse(await this.registerInstitution.execute(body, user));
  }

  @Get(':institutionId')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, institutionResponse)
  async get(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof institutionResponse>> {
    return toResponse(await this.getInstitution.execute(params.institutionId, user));
  }
}
