import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { EVALUATION_STAGES } from '@kipp/contracts';
import { ApiZodResponse, Public, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { StoredPublication } from './stage.repository';
import { PUBLISHABLE_STAGES } from './use-cases/compute-stage.use-case';
import {
  GetInstitutionResultsUseCase,
  type InstitutionStageResult,
} from './use-cases/get-institution-results.use-case';
import { GetStageUseCase } from './use-cases/get-stage.use-case';
import {
  ListPublicFinalistsUseCase,
  type PublicFinalists,
} from './use-cases/list-public-finalists.use-case';
import { PreviewStageUseCase, type StagePreview } from './use-cases/preview-stage.use-case';
import { PublishStageUseCase, type PublishedStage } from './use-cases/publish-stage.use-case';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const stageParams = z.strictObject({ editionId: id, stage: z.enum(EVALUATION_STAGES) });
const publishableParams = z.strictObject({ editionId: id, stage: z.enum(PUBLISHABLE_STAGES) });
const publishParams = z.strictObject({ editionId: id });
const institutionParams = z.strictObject({ institutionId: id });
const institutionQuery = z.strictObject({ editionId: id });

const entryView = z.object({
  proposalId: z.string(),
  institutionId: z.string(),
  groupId: z.string(),
  categoryId: z.string(),
  rank: z.number(),
  score: z.number().nullable(),
  advanced: z.boolean(),
});
const reportView = z.record(z.string(), z.unknown());
const publishedView = z.object({
  publicationId: z.string(),
  editionId: z.string(),
  stage: z.enum(PUBLISHABLE_STAGES),
  version: z.number(),
  entries: z.number(),
  advanced: z.number(),
  report: reportView,
  publishedAt: z.string(),
});
const publicationView = z.object({
  publicationId: z.string(),
  editionId: z.string(),
  stage: z.enum(EVALUATION_STAGES),
  version: z.number(),
  publishedBy: z.string(),
  publishedAt: z.string(),
  entries: z.array(entryView),
  report: reportView.nullable(),
});
const previewView = z.object({
  editionId: z.string(),
  stage: z.enum(PUBLISHABLE_STAGES),
  entries: z.array(entryView),
  report: reportView,
});
const publicFinalistsView = z.object({
  editionId: z.string(),
  publishedAt: z.string(),
  finalists: z.array(
    z.object({
      proposalId: z.string(),
      title: z.string(),
      institutionName: z.string().nullable(),
      categoryId: z.string(),
      groupId: z.string(),
    }),
  ),
});
const institutionResultsView = z.object({
  institutionId: z.string(),
  editionId: z.string(),
  stages: z.array(
    z.object({
      stage: z.enum(EVALUATION_STAGES),
      publicationId: z.string(),
      version: z.number(),
      publishedAt: z.string(),
      entries: z.array(
        z.object({
          proposalId: z.string(),
          title: z.string().nullable(),
          rank: z.number(),
          score: z.number().nullable(),
          advanced: z.boolean(),
        }),
      ),
    }),
  ),
});

type PublishedView = z.infer<typeof publishedView>;
type PublicationView = z.infer<typeof publicationView>;
type PublicFinalistsView = z.infer<typeof publicFinalistsView>;
type InstitutionResultsView = z.infer<typeof institutionResultsView>;

@ApiTags('stages')
@ApiBearerAuth()
@Controller()
export class StageController {
  constructor(
    private readonly publishStage: PublishStageUseCase,
    private readonly previewStage: PreviewStageUseCase,
    private readonly getStage: GetStageUseCase,
    private readonly listPublicFinalists: ListPublicFinalistsUseCase,
    private readonly getInstitutionResults: GetInstitutionResultsUseCase,
  ) {}

  @Post('editions/:editionId/stages/desk/publish')
  @Roles('national_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, publishedView, 'The desk ranking publication')
  async publishDesk(
    @ZodParams(publishParams) params: z.infer<typeof publishParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PublishedView> {
    return toPublishedView(await this.publishStage.execute(user, params.editionId, 'desk'));
  }

  @Post('editions/:editionId/stages/shortlist/publish')
  @Roles('national_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, publishedView, 'The shortlist publication')
  async publishShortlist(
    @ZodParams(publishParams) params: z.infer<typeof publishParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PublishedView> {
    return toPublishedView(await this.publishStage.execute(user, params.editionId, 'shortlist'));
  }

  @Post('editions/:editionId/stages/finalists/publish')
  @Roles('national_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, publishedView, 'The finalists publication with its report')
  async publishFinalists(
    @ZodParams(publishParams) params: z.infer<typeof publishParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PublishedView> {
    return toPublishedView(await this.publishStage.execute(user, params.editionId, 'finalists'));
  }

  @Get('editions/:editionId/stages/:stage/preview')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, previewView, 'What publishing now would publish')
  async preview(
    @ZodParams(publishableParams) params: z.infer<typeof publishableParams>,
  ): Promise<StagePreview> {
    return this.previewStage.execute(params.editionId, params.stage);
  }

  @Get('editions/:editionId/stages/:stage')
  @Roles('national_admin', 'panelist')
  @ApiZodResponse(HttpStatus.OK, publicationView, 'The current publication of the stage')
  async show(
    @ZodParams(stageParams) params: z.infer<typeof stageParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<PublicationView> {
    return toPublicationView(await this.getStage.execute(user, params.editionId, params.stage));
  }

  @Public()
  @Get('public/editions/:editionId/finalists')
  @ApiZodResponse(HttpStatus.OK, publicFinalistsView, 'The current finalists, without scores')
  async publicFinalists(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<PublicFinalistsView> {
    const result: PublicFinalists = await this.listPublicFinalists.execute(params.editionId);
    return { ...result, publishedAt: result.publishedAt.toISOString() };
  }

  @Get('institutions/:institutionId/results')
  @Roles('local_admin', 'unit_operator', 'national_admin')
  @ApiZodResponse(HttpStatus.OK, institutionResultsView, "The institution's entries per stage")
  async institutionResults(
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @ZodQuery(institutionQuery) query: z.infer<typeof institutionQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<InstitutionResultsView> {
    const stages: InstitutionStageResult[] = await this.getInstitutionResults.execute(
      user,
      params.institutionId,
      query.editionId,
    );
    return {
      institutionId: params.institutionId,
      editionId: query.editionId,
      stages: stages.map((s) => ({ ...s, publishedAt: s.publishedAt.toISOString() })),
    };
  }
}

function toPublishedView(published: PublishedStage): PublishedView {
  return { ...published, publishedAt: published.publishedAt.toISOString() };
}

function toPublicationView(publication: StoredPublication): PublicationView {
  return {
    publicationId: publication._id,
    editionId: publication.editionId,
    stage: publication.stage,
    version: publication.version,
    publishedBy: publication.publishedBy,
    publishedAt: new Date(publication.publishedAt).toISOString(),
    entries: publication.entries,
    report: publication.report,
  };
}
