import { Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import type { SheetAddress } from './score-sheet-target';
import {
  deskScoresView,
  myPanelSheetsView,
  progressView,
  sheetStateView,
  sheetView,
  toDeskScoresView,
  toMyPanelSheetsView,
  toSheetStateView,
  toSheetView,
} from './scoring.view';
import { GetScoreSheetUseCase } from './use-cases/get-score-sheet.use-case';
import { GetScoringProgressUseCase } from './use-cases/get-scoring-progress.use-case';
import { ListDeskScoresUseCase } from './use-cases/list-desk-scores.use-case';
import { ListMyPanelSheetsUseCase } from './use-cases/list-my-panel-sheets.use-case';
import { SaveScoreSheetUseCase } from './use-cases/save-score-sheet.use-case';
import { SubmitScoreSheetUseCase } from './use-cases/submit-score-sheet.use-case';

const id = z.string().min(1).max(64);
const assignmentParams = z.strictObject({ assignmentId: id });
const panelParams = z.strictObject({ editionId: id, proposalId: id });
const editionParams = z.strictObject({ editionId: id });
const myProgressQuery = z.strictObject({ editionId: id.optional() });
const deskScoresQuery = z.strictObject({
  evaluatorId: id.optional(),
  proposalId: id.optional(),
  after: id.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const saveBody = z.strictObject({
  criteria: z
    .array(
      z.strictObject({
        criterionId: z.string().min(1).max(48),
        score: z.number(),
        comment: z.string().max(5000).default(''),
      }),
    )
    .max(50)
    .refine((list) => new Set(list.map((c) => c.criterionId)).size === list.length, {
      message: 'each criterion at most once',
    }),
  expectedRevision: z.number().int().min(0),
});
const submitBody = z.strictObject({ expectedRevision: z.number().int().min(1) });

type SaveBody = z.infer<typeof saveBody>;
type SheetView = z.infer<typeof sheetView>;
type SheetStateView = z.infer<typeof sheetStateView>;

@ApiTags('scoring')
@ApiBearerAuth()
@Controller()
export class ScoringController {
  constructor(
    private readonly getSheet: GetScoreSheetUseCase,
    private readonly saveSheet: SaveScoreSheetUseCase,
    private readonly submitSheet: SubmitScoreSheetUseCase,
    private readonly getProgress: GetScoringProgressUseCase,
    private readonly listMyPanelSheets: ListMyPanelSheetsUseCase,
    private readonly listDeskScores: ListDeskScoresUseCase,
  ) {}

  @Get('assignments/:assignmentId/sheet')
  @Roles('evaluator', 'national_admin')
  @ApiZodResponse(HttpStatus.OK, sheetView)
  async showDesk(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetView> {
    return toSheetView(await this.getSheet.execute(desk(params.assignmentId), user));
  }

  @Put('assignments/:assignmentId/sheet')
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, sheetStateView)
  async saveDesk(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @ZodBody(saveBody) body: SaveBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetStateView> {
    return this.save(desk(params.assignmentId), body, user);
  }

  @Post('assignments/:assignmentId/sheet/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, sheetStateView)
  async submitDesk(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @ZodBody(submitBody) body: z.infer<typeof submitBody>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetStateView> {
    return this.submit(desk(params.assignmentId), body.expectedRevision, user);
  }

  @Get('editions/:editionId/panel-sheets')
  @Roles('panelist')
  @ApiZodResponse(HttpStatus.OK, myPanelSheetsView)
  async listPanel(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof myPanelSheetsView>> {
    return toMyPanelSheetsView(await this.listMyPanelSheets.execute(params.editionId, user));
  }

  @Get('editions/:editionId/panel-sheets/:proposalId')
  @Roles('panelist')
  @ApiZodResponse(HttpStatus.OK, sheetView)
  async showPanel(
    @ZodParams(panelParams) params: z.infer<typeof panelParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetView> {
    return toSheetView(await this.getSheet.execute(panel(params), user));
  }

  @Put('editions/:editionId/panel-sheets/:proposalId')
  @Roles('panelist')
  @ApiZodResponse(HttpStatus.OK, sheetStateView)
  async savePanel(
    @ZodParams(panelParams) params: z.infer<typeof panelParams>,
    @ZodBody(saveBody) body: SaveBody,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetStateView> {
    return this.save(panel(params), body, user);
  }

  @Post('editions/:editionId/panel-sheets/:proposalId/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('panelist')
  @ApiZodResponse(HttpStatus.OK, sheetStateView)
  async submitPanel(
    @ZodParams(panelParams) params: z.infer<typeof panelParams>,
    @ZodBody(submitBody) body: z.infer<typeof submitBody>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<SheetStateView> {
    return this.submit(panel(params), body.expectedRevision, user);
  }

  @Get('editions/:editionId/scoring/progress')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, progressView)
  editionProgress(@ZodParams(editionParams) params: z.infer<typeof editionParams>) {
    return this.getProgress.execute({ editionId: params.editionId });
  }

  @Get('editions/:editionId/desk-scores')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, deskScoresView)
  async deskScores(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(deskScoresQuery) query: z.infer<typeof deskScoresQuery>,
  ): Promise<z.infer<typeof deskScoresView>> {
    const { pageSize, ...filter } = query;
    return toDeskScoresView(await this.listDeskScores.execute(params.editionId, filter, pageSize));
  }

  @Get('me/scoring/progress')
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, progressView)
  myProgress(
    @ZodQuery(myProgressQuery) query: z.infer<typeof myProgressQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    return this.getProgress.execute({
      editionId: query.editionId ?? null,
      evaluatorId: user.accountId,
    });
  }

  private async save(address: SheetAddress, body: SaveBody, user: AuthenticatedUser) {
    const { target, sheet } = await this.saveSheet.execute(address, body, user);
    return toSheetStateView(target, sheet);
  }

  private async submit(address: SheetAddress, expectedRevision: number, user: AuthenticatedUser) {
    const { target, sheet } = await this.submitSheet.execute(address, expectedRevision, user);
    return toSheetStateView(target, sheet);
  }
}

function desk(assignmentId: string): SheetAddress {
  return { stage: 'desk', assignmentId };
}

function panel(params: { editionId: string; proposalId: string }): SheetAddress {
  return { stage: 'panel', ...params };
}
