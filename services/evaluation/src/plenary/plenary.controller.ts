import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { AWARD_TIERS } from '@kipp/contracts';
import { ApiZodResponse, Public, ZodBody, ZodParams } from '@kipp/service-kit';
import type { AwardView } from './plenary.repository';
import { TIE_BREAK_KEYS } from './plenary-tiers';
import {
  GetPublicResultsUseCase,
  type PublicResult,
} from './use-cases/get-public-results.use-case';
import { ListAwardsUseCase } from './use-cases/list-awards.use-case';
import { PreviewPlenaryUseCase, type PlenaryPreview } from './use-cases/preview-plenary.use-case';
import { PublishPlenaryUseCase, type PublishedPlenary } from './use-cases/publish-plenary.use-case';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const institutionParams = z.strictObject({ institutionId: id });
const publishBody = z.strictObject({ allowMissing: z.boolean().default(false) });

const tiers = z.array(z.enum(AWARD_TIERS));
const outcomeView = z.object({
  placements: z.array(
    z.object({
      proposalId: z.string(),
      groupId: z.string(),
      tiers,
      rankInGroup: z.number(),
      panelScore: z.number().nullable(),
      deskScore: z.number().nullable(),
    }),
  ),
  ties: z.array(
    z.object({ ranking: z.string(), higher: z.string(), lower: z.string(), decidedBy: z.string() }),
  ),
  tieBreakRule: z.array(z.enum(TIE_BREAK_KEYS)),
});
const previewView = outcomeView.extend({
  editionId: z.string(),
  missingPanelScores: z.array(z.string()),
});
const publishedView = outcomeView.extend({
  publicationId: z.string(),
  version: z.number(),
  publishedAt: z.string(),
});
const awardView = z.object({
  proposalId: z.string(),
  editionId: z.string(),
  year: z.number(),
  institutionId: z.string(),
  unitId: z.string(),
  groupId: z.string(),
  categoryId: z.string(),
  title: z.string(),
  tiers,
  rank: z.number(),
  panelScore: z.number().nullable(),
  deskScore: z.number().nullable(),
  publicationId: z.string(),
  grantedAt: z.string(),
});
type AwardResponse = z.infer<typeof awardView>;
const publicResultView = z.object({
  proposalId: z.string(),
  title: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  categoryId: z.string(),
  groupId: z.string(),
  tiers,
});

function toAwardResponse(award: AwardView): AwardResponse {
  return {
    proposalId: award._id,
    editionId: award.editionId,
    year: award.year,
    institutionId: award.institutionId,
    unitId: award.unitId,
    groupId: award.groupId,
    categoryId: award.categoryId,
    title: award.title,
    tiers: award.tiers,
    rank: award.rank,
    panelScore: award.panelScore,
    deskScore: award.deskScore,
    publicationId: award.publicationId,
    grantedAt: new Date(award.grantedAt).toISOString(),
  };
}

@ApiTags('plenary')
@ApiBearerAuth()
@Controller()
export class PlenaryController {
  constructor(
    private readonly previewPlenary: PreviewPlenaryUseCase,
    private readonly publishPlenary: PublishPlenaryUseCase,
    private readonly listAwards: ListAwardsUseCase,
    private readonly publicResults: GetPublicResultsUseCase,
  ) {}

  @Get('editions/:editionId/plenary/preview')
  @Roles('national_admin', 'panelist')
  @ApiZodResponse(HttpStatus.OK, previewView, 'The final tiers as they would be published now')
  preview(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<PlenaryPreview> {
    return this.previewPlenary.execute(params.editionId);
  }

  @Post('editions/:editionId/plenary/publish')
  @Roles('national_admin')
  @HttpCode(HttpStatus.CREATED)
  @ApiZodResponse(HttpStatus.CREATED, publishedView, 'The published final results')
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodBody(publishBody) body: z.infer<typeof publishBody>,
  ): Promise<PublishedPlenary> {
    return this.publishPlenary.execute(user, params.editionId, body);
  }

  @Get('editions/:editionId/awards')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, z.array(awardView), "The edition's awards")
  async editionAwards(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<AwardResponse[]> {
    return (await this.listAwards.ofEdition(params.editionId)).map(toAwardResponse);
  }

  @Get('institutions/:institutionId/awards')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, z.array(awardView), "An institution's awards")
  async institutionAwards(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
  ): Promise<AwardResponse[]> {
    return (await this.listAwards.ofInstitution(user, params.institutionId)).map(toAwardResponse);
  }

  @Get('public/editions/:editionId/results')
  @Public()
  @ApiZodResponse(HttpStatus.OK, z.array(publicResultView), 'Published results, without scores')
  results(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<PublicResult[]> {
    return this.publicResults.execute(params.editionId);
  }
}
