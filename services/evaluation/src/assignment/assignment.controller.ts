import { Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import {
  ASSIGNMENT_STATUSES,
  assignmentListView,
  endResultView,
  explanationView,
  myAssignmentsView,
  runSummaryView,
  toAssignmentView,
  toExplanationView,
  toMyAssignmentsView,
} from './assignment.view';
import { EndAssignmentUseCase, type AssignmentEnding } from './use-cases/end-assignment.use-case';
import { GetAssignmentExplanationUseCase } from './use-cases/get-assignment-explanation.use-case';
import { ListAssignmentsUseCase } from './use-cases/list-assignments.use-case';
import { ListMyAssignmentsUseCase } from './use-cases/list-my-assignments.use-case';
import { RunAssignmentUseCase } from './use-cases/run-assignment.use-case';

const id = z.string().min(1).max(64);
const editionParams = z.strictObject({ editionId: id });
const assignmentParams = z.strictObject({ id });
const listQuery = z.strictObject({
  evaluatorId: id.optional(),
  proposalId: id.optional(),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
});
const reasonBody = z.strictObject({ reason: z.string().trim().min(3).max(2000) });

type EndResult = z.infer<typeof endResultView>;

@ApiTags('assignments')
@ApiBearerAuth()
@Controller()
export class AssignmentController {
  constructor(
    private readonly runAssignment: RunAssignmentUseCase,
    private readonly listAssignments: ListAssignmentsUseCase,
    private readonly getExplanation: GetAssignmentExplanationUseCase,
    private readonly listMyAssignments: ListMyAssignmentsUseCase,
    private readonly endAssignment: EndAssignmentUseCase,
  ) {}

  @Post('editions/:editionId/assignments/run')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, runSummaryView)
  run(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof runSummaryView>> {
    return this.runAssignment.execute(params.editionId, user);
  }

  @Get('editions/:editionId/assignments')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, assignmentListView)
  async list(
    @ZodParams(editionParams) params: z.infer<typeof editionParams>,
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
  ): Promise<z.infer<typeof assignmentListView>> {
    const items = await this.listAssignments.execute(params.editionId, query);
    return { items: items.map(toAssignmentView) };
  }

  @Get('assignments/:id/explanation')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, explanationView)
  async explanation(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
  ): Promise<z.infer<typeof explanationView>> {
    return toExplanationView(await this.getExplanation.execute(params.id));
  }

  @Get('me/assignments')
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, myAssignmentsView)
  async mine(@CurrentUser() user: AuthenticatedUser): Promise<z.infer<typeof myAssignmentsView>> {
    return toMyAssignmentsView(await this.listMyAssignments.execute(user));
  }

  @Post('assignments/:id/decline')
  @HttpCode(HttpStatus.OK)
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, endResultView)
  decline(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @ZodBody(reasonBody) body: z.infer<typeof reasonBody>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndResult> {
    return this.end(params.id, 'declined', body.reason, user);
  }

  @Post('assignments/:id/recuse')
  @HttpCode(HttpStatus.OK)
  @Roles('evaluator')
  @ApiZodResponse(HttpStatus.OK, endResultView)
  recuse(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @ZodBody(reasonBody) body: z.infer<typeof reasonBody>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndResult> {
    return this.end(params.id, 'recused', body.reason, user);
  }

  @Post('assignments/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, endResultView)
  revoke(
    @ZodParams(assignmentParams) params: z.infer<typeof assignmentParams>,
    @ZodBody(reasonBody) body: z.infer<typeof reasonBody>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EndResult> {
    return this.end(params.id, 'revoked', body.reason, user);
  }

  private async end(
    assignmentId: string,
    ending: AssignmentEnding,
    reason: string,
    user: AuthenticatedUser,
  ): Promise<EndResult> {
    const { assignment, replacement } = await this.endAssignment.execute(
      assignmentId,
      ending,
      reason,
      user,
    );
    return {
      assignment: toAssignmentView(assignment),
      replacement: replacement ? toAssignmentView(replacement) : null,
    };
  }
}
