import { Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { PROPOSAL_NUDGE_MESSAGE_MAX_LENGTH, TIME_ZONES } from '@kipp/contracts';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import { nudgeMessage } from './manual-nudge';
import { NudgeProposalUseCase } from './use-cases/nudge-proposal.use-case';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const zoneQuery = z.strictObject({ tz: z.enum(TIME_ZONES).optional() });
const nudgeBody = z.strictObject({
  message: z.string().trim().max(PROPOSAL_NUDGE_MESSAGE_MAX_LENGTH).optional(),
});

const nudgeResponse = z.object({
  proposalId: z.string(),
  message: z.string().nullable(),
  nudgedAt: z.iso.datetime(),
  nextAllowedAt: z.iso.datetime().describe('the next manual reminder of this proposal from then'),
});

/** The local admin reminds the unit by hand of a proposal still with it. */
@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalNudgeController {
  constructor(private readonly nudgeProposal: NudgeProposalUseCase) {}

  @Post(':id/nudge')
  @HttpCode(HttpStatus.OK)
  @Roles('local_admin')
  @ApiZodResponse(HttpStatus.OK, nudgeResponse)
  async nudge(
    @ZodParams(idParams) params: z.infer<typeof idParams>,
    @ZodBody(nudgeBody) body: z.infer<typeof nudgeBody>,
    @ZodQuery(zoneQuery) query: z.infer<typeof zoneQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof nudgeResponse>> {
    const nudge = await this.nudgeProposal.execute(
      params.id,
      nudgeMessage(body.message),
      user,
      query.tz,
    );
    return {
      proposalId: nudge.proposalId,
      message: nudge.message,
      nudgedAt: nudge.nudgedAt.toISOString(),
      nextAllowedAt: nudge.nextAllowedAt.toISOString(),
    };
  }
}
