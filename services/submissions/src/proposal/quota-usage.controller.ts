import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { groupIdSchema } from '@kipp/contracts';
import { ApiZodResponse, errorResponseSchema, ZodParams, ZodQuery } from '@kipp/service-kit';
import { GetQuotaUsageUseCase, type QuotaUsageView } from './use-cases/get-quota-usage.use-case';

const editionParams = z.strictObject({ editionId: z.string().min(1).max(64) });
const institutionQuery = z.strictObject({ institutionId: z.string().min(1).max(64).optional() });

const quotaUsageView = z.object({
  editionId: z.string(),
  institutionId: z.string(),
  groups: z.array(
    z.object({
      groupId: groupIdSchema,
      quota: z.number().int(),
      used: z.number().int(),
      left: z.number().int(),
    }),
  ),
});

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('editions/:editionId/quota-usage')
export class QuotaUsageController {
  constructor(private readonly getQuotaUsage: GetQuotaUsageUseCase) {}

  @Get()
  @Roles('local_admin', 'national_admin')
  @ApiZodResponse(HttpStatus.OK, quotaUsageView, 'Places used and left per group')
  @ApiZodResponse(HttpStatus.NOT_FOUND, errorResponseSchema, 'EDITION_NOT_FOUND')
  quotaUsage(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(institutionQuery) query: z.infer<typeof institutionQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<QuotaUsageView> {
    return this.getQuotaUsage.execute(user, params.editionId, query.institutionId);
  }
}
