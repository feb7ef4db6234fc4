import { Controller, Get, Header, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { INSTITUTION_TYPES } from '@kipp/contracts';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, Public, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import {
  innovationDetailView,
  innovationPageView,
  toDetail,
  type InnovationDetail,
  type InnovationPage,
} from './innovation.views';
import { GetInnovationUseCase } from './use-cases/get-innovation.use-case';
import {
  lookupInstitutionsQuerySchema,
  LookupInstitutionsUseCase,
  type InstitutionMatches,
  type LookupInstitutionsQuery,
} from './use-cases/lookup-institutions.use-case';
import {
  publishChosenBodySchema,
  PublishChosenUseCase,
  type PublishChosenBody,
} from './use-cases/publish-chosen.use-case';
import {
  searchQuerySchema,
  SearchInnovationsUseCase,
  type SearchQuery,
} from './use-cases/search-innovations.use-case';

const innovationParams = z.strictObject({ id: z.string().min(1).max(64) });

const institutionMatchesView = z.object({
  items: z.array(
    z.object({
      institutionId: z.string().describe('what the `institution` filter of the search takes'),
      name: z.string(),
      type: z.enum(INSTITUTION_TYPES),
      provinceCode: z.string().nullable().describe('BPS code of the province'),
      innovations: z.number().int().describe('its innovations in the database (at least 1)'),
    }),
  ),
  total: z.number().int().describe('every match; `items` are the best of them'),
});

/** The public innovation database (SINOVIK): search and records without signing in. */
@ApiTags('innovations')
@Controller()
export class CatalogueController {
  constructor(
    private readonly searchInnovations: SearchInnovationsUseCase,
    private readonly getInnovation: GetInnovationUseCase,
    private readonly publishChosen: PublishChosenUseCase,
    private readonly lookupInstitutions: LookupInstitutionsUseCase,
  ) {}

  @Public()
  @Get('public/innovations')
  @ApiHeader({ name: 'X-Cache', description: 'hit, miss, or bypass (cache unavailable)' })
  @ApiZodResponse(HttpStatus.OK, innovationPageView, 'One page of matching innovations')
  async search(
    @ZodQuery(searchQuerySchema) query: SearchQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InnovationPage> {
    const answer = await this.searchInnovations.execute(query);
    response.setHeader('X-Cache', answer.cache);
    return answer.page;
  }

  @Public()
  @Get('public/institutions')
  @ApiHeader({ name: 'X-Cache', description: 'hit, miss, or bypass (cache unavailable)' })
  @ApiZodResponse(
    HttpStatus.OK,
    institutionMatchesView,
    'Institutions with innovations in the database whose name matches, best first',
  )
  async institutions(
    @ZodQuery(lookupInstitutionsQuerySchema) query: LookupInstitutionsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InstitutionMatches> {
    const answer = await this.lookupInstitutions.execute(query);
    response.setHeader('X-Cache', answer.cache);
    return answer.matches;
  }

  @Public()
  @Get('public/innovations/:id')
  @ApiZodResponse(HttpStatus.OK, innovationDetailView, 'The full public record')
  async get(
    @ZodParams(innovationParams) params: z.infer<typeof innovationParams>,
  ): Promise<InnovationDetail> {
    return toDetail(await this.getInnovation.execute(params.id));
  }

  @Post('innovations')
  @ApiBearerAuth()
  @Roles('local_admin')
  @HttpCode(HttpStatus.CREATED)
  @Header('Cache-Control', 'no-store')
  @ApiZodResponse(HttpStatus.CREATED, innovationDetailView, 'Published without an award')
  async publish(
    @ZodBody(publishChosenBodySchema) body: PublishChosenBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InnovationDetail> {
    return toDetail(await this.publishChosen.execute(user, body));
  }
}
