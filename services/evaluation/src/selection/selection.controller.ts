import { Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { groupIdSchema } from '@kipp/contracts';
import {
  ApiZodResponse,
  errorResponseSchema,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@kipp/service-kit';
import { BulkDecideSelectionUseCase } from './use-cases/bulk-decide-selection.use-case';
import { DecideSelectionUseCase } from './use-cases/decide-selection.use-case';
import { GetSelectionSummaryUseCase } from './use-cases/get-selection-summary.use-case';
import { GetSelectionUseCase } from './use-cases/get-selection.use-case';
import { ListInstitutionSelectionUseCase } from './use-cases/list-institution-selection.use-case';
import { ListSelectionUseCase } from './use-cases/list-selection.use-case';
import {
  bulkResultView,
  decidedView,
  institutionSelectionView,
  selectionItemView,
  selectionPageView,
  selectionSummaryView,
  type BulkResultView,
  type DecidedView,
  type InstitutionSelectionView,
  type SelectionItemView,
  type SelectionPageView,
  type SelectionSummaryView,
} from './selection.view';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const proposalParams = z.strictObject({ proposalId: id });
const institutionParams = z.strictObject({ institutionId: id });
const institutionQuery = z.strictObject({ editionId: id });
const listQuery = z.strictObject({
  outcome: z.enum(['undecided', 'pass', 'fail']).optional(),
  groupId: groupIdSchema.optional(),
  categoryId: z.string().min(1).max(48).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const reason = z.strictObject({
  check: z.string().trim().min(1).max(48),
  outcome: z.enum(['pass', 'fail']),
  note: z.string().max(2000).default(''),
});
const decisionFields = {
  outcome: z.enum(['pass', 'fail']),
  reasons: z.array(reason).max(50),
};
const decideBody = z.strictObject({
  ...decisionFields,
  /** The revision of the decision being revised; omit for a first decision. */
  expectedRevision: z.number().int().min(0).optional(),
});
const bulkBody = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        proposalId: id,
        ...decisionFields,
        expectedRevision: z.number().int().min(0).optional(),
      }),
    )
    .min(1)
    .max(1000),
});

@ApiTags('selection')
@ApiBearerAuth()
@Controller()
export class SelectionController {
  constructor(
    private readonly listSelection: ListSelectionUseCase,
    private readonly getSelection: GetSelectionUseCase,
    private readonly decideSelection: DecideSelectionUseCase,
    private readonly bulkDecideSelection: BulkDecideSelectionUseCase,
    private readonly listInstitutionSelection: ListInstitutionSelectionUseCase,
    private readonly getSummary: GetSelectionSummaryUseCase,
  ) {}

  @Get('editions/:editionId/selection')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, selectionPageView)
  list(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
  ): Promise<SelectionPageView> {
    return this.listSelection.execute(params.editionId, query);
  }

  @Get('editions/:editionId/selection/summary')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, selectionSummaryView)
  summary(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
  ): Promise<SelectionSummaryView> {
    return this.getSummary.execute(params.editionId);
  }

  @Post('editions/:editionId/selection/bulk')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, bulkResultView)
  @ApiZodResponse(
    422,
    errorResponseSchema,
    'SELECTION_BULK_INVALID: details.items lists every bad item',
  )
  bulk(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodBody(bulkBody) body: z.infer<typeof bulkBody>,
  ): Promise<BulkResultView> {
    return this.bulkDecideSelection.execute(user, params.editionId, body.decisions);
  }

  @Get('proposals/:proposalId/selection')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, selectionItemView)
  get(
    @ZodParams(proposalParams) params: z.infer<typeof proposalParams>,
  ): Promise<SelectionItemView> {
    return this.getSelection.execute(params.proposalId);
  }

  @Put('proposals/:proposalId/selection')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, decidedView)
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(proposalParams) params: z.infer<typeof proposalParams>,
    @ZodBody(decideBody) body: z.infer<typeof decideBody>,
  ): Promise<DecidedView> {
    return this.decideSelection.execute(user, params.proposalId, body);
  }

  @Get('institutions/:institutionId/selection')
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, institutionSelectionView)
  forInstitution(
    @CurrentUser() user: AuthenticatedUser,
    @ZodParams(institutionParams) params: z.infer<typeof institutionParams>,
    @ZodQuery(institutionQuery) query: z.infer<typeof institutionQuery>,
  ): Promise<InstitutionSelectionView> {
    return this.listInstitutionSelection.execute(user, params.institutionId, query.editionId);
  }
}
