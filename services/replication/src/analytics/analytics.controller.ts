import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { INNOVATION_STATUSES, PROVINCE_CODES } from '@kipp/contracts';
import { ApiZodResponse, Public, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { InnovationDiffusion, NationalDiffusion, ProvinceDiffusion } from './diffusion';
import { GetInnovationDiffusionUseCase } from './use-cases/get-innovation-diffusion.use-case';
import { GetNationalDiffusionUseCase } from './use-cases/get-national-diffusion.use-case';
import { GetProvinceDiffusionUseCase } from './use-cases/get-province-diffusion.use-case';

const innovationParams = z.strictObject({ id: z.string().min(1).max(64) });
const provinceParams = z.strictObject({
  code: z.enum(PROVINCE_CODES).describe('BPS province code (two digits)'),
});
const year = z.coerce.number().int().min(2000).max(2100);
const nationalQuery = z.strictObject({
  from: year.optional().describe('First year (default: the first year with data)'),
  to: year.optional().describe('Last year (default: the current year)'),
});

const statusCounts = z.object(
  Object.fromEntries(INNOVATION_STATUSES.map((status) => [status, z.number().int()])) as Record<
    (typeof INNOVATION_STATUSES)[number],
    z.ZodNumber
  >,
);
const innovationDiffusionView = z.object({
  innovationId: z.string(),
  replications: z.number().int().describe('Confirmed replications only'),
  adopters: z.array(
    z.object({
      replicationId: z.string(),
      institutionId: z.string(),
      name: z.string().nullable(),
      provinceCode: z.string().nullable(),
      status: z.string(),
      recordedAt: z.string(),
      confirmedAt: z.string().nullable(),
    }),
  ),
  provincesReached: z.object({ count: z.number().int(), provinceCodes: z.array(z.string()) }),
  timeToFirstReplicationDays: z.number().int().nullable(),
  graph: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['innovation', 'institution']),
        refId: z.string(),
        label: z.string(),
        provinceCode: z.string().nullable(),
        depth: z.number().int(),
      }),
    ),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        kind: z.enum(['owns', 'replicates']),
        replicationId: z.string().nullable(),
        status: z.string().nullable(),
      }),
    ),
  }),
});
const provinceDiffusionView = z.object({
  provinceCode: z.string(),
  innovations: z.number().int(),
  replicationsIn: z.number().int(),
  replicationsOut: z.number().int(),
  byStatus: statusCounts,
});
const provinceListView = z.object({ provinces: z.array(provinceDiffusionView) });
const nationalDiffusionView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(
    z.object({
      year: z.number().int(),
      innovationsPublished: z.number().int(),
      confirmedReplications: z.number().int(),
      provincesReachedCumulative: z.number().int(),
      activeShare: z.number().nullable(),
    }),
  ),
  totals: z.object({
    innovations: z.number().int(),
    confirmedReplications: z.number().int(),
    innovationsReplicated: z.number().int(),
    provincesReached: z.number().int(),
    activeShare: z.number().nullable(),
  }),
});

/** Public diffusion figures the portal draws as charts and a map. Confirmed links only. */
@ApiTags('diffusion')
@Controller()
export class AnalyticsController {
  constructor(
    private readonly innovationDiffusion: GetInnovationDiffusionUseCase,
    private readonly provinceDiffusion: GetProvinceDiffusionUseCase,
    private readonly nationalDiffusion: GetNationalDiffusionUseCase,
  ) {}

  @Public()
  @Get('public/innovations/:id/diffusion')
  @ApiOperation({ summary: 'Replications, provinces reached and the diffusion graph' })
  @ApiZodResponse(HttpStatus.OK, innovationDiffusionView, 'How far the innovation spread')
  async innovation(
    @ZodParams(innovationParams) params: z.infer<typeof innovationParams>,
  ): Promise<InnovationDiffusion> {
    return this.innovationDiffusion.execute(params.id);
  }

  @Public()
  @Get('public/provinces/diffusion')
  @ApiOperation({ summary: 'Figures of all 38 provinces (zeros included), for the map' })
  @ApiZodResponse(HttpStatus.OK, provinceListView, 'Every province')
  async provinces(): Promise<{ provinces: ProvinceDiffusion[] }> {
    return { provinces: await this.provinceDiffusion.all() };
  }

  @Public()
  @Get('public/provinces/:code/diffusion')
  @ApiOperation({ summary: "A province's innovations and replications in and out" })
  @ApiZodResponse(HttpStatus.OK, provinceDiffusionView, 'The province')
  async province(
    @ZodParams(provinceParams) params: z.infer<typeof provinceParams>,
  ): Promise<ProvinceDiffusion> {
    return this.provinceDiffusion.one(params.code);
  }

  @Public()
  @Get('public/diffusion/national')
  @ApiOperation({ summary: 'National figures per year, and totals' })
  @ApiZodResponse(HttpStatus.OK, nationalDiffusionView, 'The national series')
  async national(
    @ZodQuery(nationalQuery) query: z.infer<typeof nationalQuery>,
  ): Promise<NationalDiffusion> {
    return this.nationalDiffusion.execute(query);
  }
}
