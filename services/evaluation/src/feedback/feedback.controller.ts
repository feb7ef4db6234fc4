import { Controller, Get, HttpStatus } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { AWARD_TIERS, EVALUATION_STAGES } from '@kipp/contracts';
import { ApiZodResponse, ZodParams } from '@kipp/service-kit';
import { GetFeedbackUseCase, type ProposalFeedback } from './use-cases/get-feedback.use-case';

const proposalParams = z.strictObject({ proposalId: z.string().min(1).max(64) });

const feedbackView = z.object({
  proposalId: z.string(),
  editionId: z.string(),
  title: z.string(),
  selection: z
    .object({
      outcome: z.enum(['pass', 'fail']),
      reasons: z.array(
        z.object({ check: z.string(), outcome: z.enum(['pass', 'fail']), note: z.string() }),
      ),
    })
    .nullable(),
  scale: z.object({ min: z.number(), max: z.number() }),
  evaluatorCount: z.number().int(),
  criteria: z.array(
    z.object({
      criterionId: z.string(),
      name: z.object({ id: z.string(), en: z.string() }),
      weight: z.number(),
      meanScore: z.number().nullable(),
      editionMean: z.number().nullable(),
      comments: z.array(
        z.object({
          evaluator: z.string().describe('"Evaluator 1", "Evaluator 2", … never an account'),
          comment: z.string(),
        }),
      ),
    }),
  ),
  stagesReached: z.array(
    z.object({ stage: z.enum(EVALUATION_STAGES), rank: z.number().int(), advanced: z.boolean() }),
  ),
  awardTiers: z.array(z.enum(AWARD_TIERS)),
});

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('proposals/:proposalId/feedback')
export class FeedbackController {
  constructor(private readonly getFeedback: GetFeedbackUseCase) {}

  @Get()
  @Roles('national_admin', 'local_admin', 'unit_operator')
  @ApiZodResponse(HttpStatus.OK, feedbackView)
  show(
    @ZodParams(proposalParams) params: z.infer<typeof proposalParams>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ProposalFeedback> {
    return this.getFeedback.execute(user, params.proposalId);
  }
}
