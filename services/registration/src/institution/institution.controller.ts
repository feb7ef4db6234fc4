import { Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import {
  ApiZodResponse,
  errorResponseSchema,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@kipp/service-kit';
import { startedImportResponse } from '../import-job/import-job.controller';
import type { StartedImport } from '../import-job/import-job.runner';
import type { Institution } from './institution.schema';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';
import {
  importInstitutionsSchema,
  ImportInstitutionsUseCase,
  type ImportInstitutionsInput,
} from './use-cases/import-institutions.use-case';
import {
  listInstitutionsSchema,
  ListInstitutionsUseCase,
  type ListInstitutionsInput,
} from './use-cases/list-institutions.use-case';
import {
  registerInstitutionSchema,
  RegisterInstitutionUseCase,
  type RegisterInstitutionInput,
} from './use-cases/register-institution.use-case';
import { SeedRegionsUseCase, type SeedRegionsResult } from './use-cases/seed-regions.use-case';
import {
  updateInstitutionSchema,
  UpdateInstitutionUseCase,
  type UpdateInstitutionInput,
} from './use-cases/update-institution.use-case';

const institutionResponse = z.object({
  institutionId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().nullable(),
  disadvantaged: z.boolean(),
  /** Send it back with a PATCH; a stale one is refused with 409. */
  revision: z.number().int(),
  registeredAt: z.string(),
  updatedAt: z.string(),
});
type InstitutionResponse = z.infer<typeof institutionResponse>;

const institutionListResponse = z.object({
  items: z.array(institutionResponse),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const seedRegionsResponse = z.object({
  provinces: z.number().int(),
  regenciesAndCities: z.number().int(),
  created: z.number().int(),
});

const institutionParams = z.strictObject({ institutionId: z.string().min(1).max(64) });

function toResponse(institution: Institution): InstitutionResponse {
  return {
    institutionId: institution._id,
    code: institution.code,
    name: institution.name,
    type: institution.type,
    provinceCode: institution.provinceCode,
    disadvantaged: institution.disadvantaged,
    revision: institution.revision,
    registeredAt: institution.createdAt.toISOString(),
    updatedAt: institution.updatedAt.toISOString(),
  };
}

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionController {
  constructor(
    private readonly registerInstitution: RegisterInstitutionUseCase,
    private readonly getInstitution: GetInstitutionUseCase,
    private readonly listInstitutions: ListInstitutionsUseCase,
    private readonly updateInstitution: UpdateInstitutionUseCase,
    private readonly seedRegions: SeedRegionsUseCase,
    private readonly importInstitutions: ImportInstitutionsUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.CREATED, institutionResponse, 'The institution as registered')
  async register(
    @ZodBody(registerInstitutionSchema) body: RegisterInstitutionInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InstitutionResponse> {
    return toResponse(await this.registerInstitution.execute(body, user));
  }

  @Get()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(
    HttpStatus.OK,
    institutionListResponse,
    'Matching institutions sorted by name; callers other than national admins see only their own',
  )
  async list(
    @ZodQuery(listInstitutionsSchema) query: ListInstitutionsInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof institutionListResponse>> {
    const found = await this.listInstitutions.execute(query, user);
    return { ...found, items: found.items.map(toResponse) };
  }

  @Post('seed-regions')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(
    HttpStatus.OK,
    seedRegionsResponse,
    'Provinces, regencies and cities registered; created is 0 when all were there',
  )
  async seed(@CurrentUser() user: AuthenticatedUser): Promise<SeedRegionsResult> {
    return this.seedRegions.execute(user);
  }

  @Post('imports')
  @HttpCode(HttpStatus.ACCEPTED)
  @Roles('national_admin')
  @ApiZodResponse(
    HttpStatus.ACCEPTED,
    startedImportResponse,
    'Every row is valid and is being imported; follow it at GET /imports/{importId}',
  )
  @ApiZodResponse(
    HttpStatus.UNPROCESSABLE_ENTITY,
    errorResponseSchema,
    'INSTITUTION_IMPORT_INVALID: nothing imported; details are the report ({ rows, errors })',
  )
  async import(
    @ZodBody(importInstitutionsSchema) body: ImportInstitutionsInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StartedImport> {
    return this.importInstitutions.execute(body, user);
  }

  @Get(':institutionId')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, institutionResponse)
  async get(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InstitutionResponse> {
    return toResponse(await this.getInstitution.execute(params.institutionId, user));
  }

  @Patch(':institutionId')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, institutionResponse, 'The institution after the change')
  @ApiZodResponse(
    HttpStatus.CONFLICT,
    errorResponseSchema,
    'INSTITUTION_REVISION_STALE: changed since the given revision',
  )
  async update(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @ZodBody(updateInstitutionSchema) body: UpdateInstitutionInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InstitutionResponse> {
    return toResponse(await this.updateInstitution.execute(params.institutionId, body, user));
  }
}
