import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '@kipp/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { DeskResult } from './desk-result.schema';
import { GetCalibrationUseCase } from './use-cases/get-calibration.use-case';
import { RunCalibrationUseCase } from './use-cases/run-calibration.use-case';

const editionParams = z.strictObject({ editionId: z.string().min(1).max(64) });
const pageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const runView = z.object({
  runId: z.string(),
  editionId: z.string(),
  proposals: z.number(),
  evaluators: z.number(),
  normalizedEvaluators: z.number(),
  globalMean: z.number().nullable(),
  globalSd: z.number().nullable(),
  agreement: z.number().nullable(),
});

const resultView = z.object({
  proposalId: z.string(),
  scoreCount: z.number(),
  rawMean: z.number().nullable(),
  normalizedMean: z.number().nullable(),
  spread: z.number(),
  divergent: z.boolean(),
  extraEvaluatorRequested: z.boolean(),
  extraEvaluatorRequestedAt: z.string().nullable(),
  calibrationRunId: z.string().nullable(),
});

const overviewView = z.object({
  editionId: z.string(),
  minScoresForNormalization: z.number(),
  divergenceMargin: z.number(),
  globalMean: z.number().nullable(),
  globalSd: z.number().nullable(),
  agreement: z.object({
    statistic: z.literal('krippendorff-alpha-interval'),
    desk: z.number().nullable(),
    panel: z.number().nullable(),
  }),
  evaluators: z.array(
    z.object({
      scorerId: z.string(),
      count: z.number(),
      mean: z.number(),
      sd: z.number(),
      normalized: z.boolean(),
    }),
  ),
  proposals: z.object({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    items: z.array(resultView),
  }),
  divergent: z.array(resultView),
});

function toResultView(result: DeskResult): z.infer<typeof resultView> {
  return {
    proposalId: result._id,
    scoreCount: result.scoreCount,
    rawMean: result.rawMean,
    normalizedMean: result.normalizedMean,
    spread: result.spread,
    divergent: result.divergent,
    extraEvaluatorRequested: result.extraEvaluatorRequestedAt !== null,
    extraEvaluatorRequestedAt: result.extraEvaluatorRequestedAt?.toISOString() ?? null,
    calibrationRunId: result.calibrationRunId,
  };
}

@ApiTags('calibration')
@ApiBearerAuth()
@Controller('editions/:editionId/calibration')
export class CalibrationController {
  constructor(
    private readonly runCalibration: RunCalibrationUseCase,
    private readonly getCalibration: GetCalibrationUseCase,
  ) {}

  @Post('run')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, runView)
  run(@ZodParams(editionParams) params: z.infer<typeof editionParams>) {
    return this.runCalibration.execute(params.editionId);
  }

  @Get()
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, overviewView)
  async show(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(pageQuery) query: z.infer<typeof pageQuery>,
  ): Promise<z.infer<typeof overviewView>> {
    const overview = await this.getCalibration.execute(params.editionId, query);
    return {
      ...overview,
      agreement: { statistic: 'krippendorff-alpha-interval', ...overview.agreement },
      proposals: { ...overview.proposals, items: overview.proposals.items.map(toResultView) },
      divergent: overview.divergent.map(toResultView),
    };
  }
}
