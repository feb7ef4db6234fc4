import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { ApiZodResponse, ZodParams } from '@kipp/service-kit';
import { GetInstitutionUseCase } from './use-cases/get-institution.use-case';

const institutionResponse = z.object({
  institutionId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(INSTITUTION_TYPES),
  provinceCode: z.string().nullable(),
  disadvantaged: z.boolean(),
});

const institutionParams = z.strictObject({ institutionId: z.string().min(1).max(64) });

/** What this service knows of an institution (its projection), for the institution itself. */
@ApiTags('institutions')
@ApiBearerAuth()
@Controller('institutions')
export class InstitutionController {
  constructor(private readonly getInstitution: GetInstitutionUseCase) {}

  @Get(':institutionId')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, institutionResponse)
  async get(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof institutionResponse>> {
    const institution = await this.getInstitution.execute(params.institutionId, user);
    return {
      institutionId: institution._id,
      code: institution.code,
      name: institution.name,
      type: institution.type,
      provinceCode: institution.provinceCode,
      disadvantaged: institution.disadvantaged,
    };
  }
}
