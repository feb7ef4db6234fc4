import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodParams } from '@kipp/service-kit';
import { IMPORT_KINDS, IMPORT_STATUSES } from './import-job.schema';
import { GetImportJobUseCase, type ImportJobView } from './use-cases/get-import-job.use-case';

/** What `POST /institutions/imports` and `POST /accounts/evaluator-imports` answer with 202. */
export const startedImportResponse = z.object({
  importId: z.string(),
  status: z.literal('applying'),
  total: z.number().int(),
  processed: z.literal(0),
});

const importJobResponse = z.object({
  importId: z.string(),
  kind: z.enum(IMPORT_KINDS),
  status: z.enum(IMPORT_STATUSES),
  total: z.number().int(),
  processed: z.number().int(),
  errorCode: z.string().optional(),
  report: z.record(z.string(), z.unknown()).optional(),
  result: z.record(z.string(), z.unknown()).optional(),
});

const importParams = z.strictObject({ importId: z.string().min(1).max(64) });

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class ImportJobController {
  constructor(private readonly getImportJob: GetImportJobUseCase) {}

  @Get(':importId')
  @Roles('national_admin')
  @ApiZodResponse(
    HttpStatus.OK,
    importJobResponse,
    'Progress; the result once done (first passwords only on the first read by the importer)',
  )
  @ApiZodResponse(HttpStatus.NOT_FOUND, errorResponseSchema, 'IMPORT_NOT_FOUND')
  async get(
    @ZodParams(importParams) params: z.infer<typeof importParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ImportJobView> {
    return this.getImportJob.execute(params.importId, user);
  }
}
