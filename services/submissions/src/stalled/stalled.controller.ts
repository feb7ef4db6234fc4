import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodQuery } from '@kipp/service-kit';
import { GetDraftsReportUseCase } from './use-cases/get-drafts-report.use-case';

const draftsReportQuery = z.strictObject({ editionId: z.string().min(1).max(64) });

const draftsReportResponse = z.object({
  editionId: z.string(),
  institutions: z.array(
    z.object({
      institutionId: z.string(),
      counts: z.object({
        draft: z.number().int(),
        submitted: z.number().int(),
        returned: z.number().int(),
        forwarded: z.number().int(),
        withdrawn: z.number().int(),
      }),
      withUnit: z.number().int().describe('draft + returned: the unit must act'),
      withLocalAdmin: z.number().int().describe('submitted: the local admin must act'),
      oldestSittingSince: z.iso
        .datetime()
        .nullable()
        .describe('oldest statusSince of the proposals with the unit or the local admin'),
    }),
  ),
});

/** Where an edition's proposals sit, per institution, most stuck first. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class StalledController {
  constructor(private readonly getDraftsReport: GetDraftsReportUseCase) {}

  @Get('drafts')
  @Roles('national_admin', 'local_admin')
  @ApiZodResponse(HttpStatus.OK, draftsReportResponse)
  async drafts(
    @ZodQuery(draftsReportQuery) query: z.infer<typeof draftsReportQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof draftsReportResponse>> {
    const report = await this.getDraftsReport.execute(query.editionId, user);
    return {
      editionId: report.editionId,
      institutions: report.institutions.map((entry) => ({
        ...entry,
        oldestSittingSince: entry.oldestSittingSince?.toISOString() ?? null,
      })),
    };
  }
}
