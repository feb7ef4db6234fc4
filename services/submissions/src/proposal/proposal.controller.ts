import { Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import { groupIdSchema, TIME_ZONES } from '@kipp/contracts';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@kipp/service-kit';
import { PROPOSAL_STATUSES, type Proposal } from './proposal.schema';
import { proposalListView, proposalView, toProposalView, toSummaryView } from './proposal.view';
import { CreateProposalUseCase } from './use-cases/create-proposal.use-case';
import { ForwardProposalUseCase } from './use-cases/forward-proposal.use-case';
import { GetProposalUseCase } from './use-cases/get-proposal.use-case';
import { ListProposalsUseCase } from './use-cases/list-proposals.use-case';
import { ReturnProposalUseCase } from './use-cases/return-proposal.use-case';
import { SaveProposalUseCase } from './use-cases/save-proposal.use-case';
import { SignIntegrityDeclarationUseCase } from './use-cases/sign-integrity-declaration.use-case';
import { SubmitProposalUseCase } from './use-cases/submit-proposal.use-case';
import { WithdrawProposalUseCase } from './use-cases/withdraw-proposal.use-case';

const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const zoneQuery = z.strictObject({ tz: z.enum(TIME_ZONES).optional() });
const listQuery = z.strictObject({
  editionId: z.string().min(1).max(64).optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
});
const createBody = z.strictObject({
  editionId: z.string().min(1).max(64),
  groupId: groupIdSchema,
  categoryId: z.string().min(1).max(48),
  title: z.string().trim().min(3).max(300),
});
const saveBody = z.strictObject({
  revision: z.number().int().positive(),
  title: z.string().trim().min(3).max(300).optional(),
  innovationStartDate: z.iso.date().nullable().optional(),
  sections: z
    .array(z.strictObject({ sectionId: z.string().min(1).max(48), text: z.string().max(100_000) }))
    .max(50)
    .optional(),
  sdgTargets: z.array(z.string().min(1).max(8)).max(50).optional(),
  sourceInnovationIds: z.array(z.string().min(1).max(64)).max(20).optional(),
});
const revisionBody = z.strictObject({ revision: z.number().int().positive() });
const returnBody = z.strictObject({ comment: z.string().trim().min(1).max(5000) });

type Zone = z.infer<typeof zoneQuery>;
type Id = z.infer<typeof idParams>;

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalController {
  constructor(
    private readonly createProposal: CreateProposalUseCase,
    private readonly listProposals: ListProposalsUseCase,
    private readonly getProposal: GetProposalUseCase,
    private readonly saveProposal: SaveProposalUseCase,
    private readonly signDeclaration: SignIntegrityDeclarationUseCase,
    private readonly submitProposal: SubmitProposalUseCase,
    private readonly returnProposal: ReturnProposalUseCase,
    private readonly forwardProposal: ForwardProposalUseCase,
    private readonly withdrawProposal: WithdrawProposalUseCase,
  ) {}

  private async view(proposal: Proposal, user: AuthenticatedUser) {
    const { edition } = await this.getProposal.execute(proposal._id, user);
    return toProposalView(proposal, edition);
  }

  @Post()
  @Roles('unit_operator')
  @ApiZodResponse(HttpStatus.CREATED, proposalView)
  async create(
    @ZodBody(createBody) body: z.infer<typeof createBody>,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    return this.view(await this.createProposal.execute(body, user, query.tz), user);
  }

  @Get()
  @Roles('unit_operator', 'local_admin', 'national_admin')
  @ApiZodResponse(HttpStatus.OK, proposalListView)
  async list(
    @ZodQuery(listQuery) query: z.infer<typeof listQuery>,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalListView>> {
    const proposals = await this.listProposals.execute(query, user);
    return { items: proposals.map(toSummaryView) };
  }

  @Get(':id')
  @Roles('unit_operator', 'local_admin', 'national_admin')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async get(
    @ZodParams(idParams) params: Id,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    const { proposal, edition } = await this.getProposal.execute(params.id, user);
    return toProposalView(proposal, edition);
  }

  @Put(':id')
  @Roles('unit_operator')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async save(
    @ZodParams(idParams) params: Id,
    @ZodBody(saveBody) body: z.infer<typeof saveBody>,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    return this.view(await this.saveProposal.execute(params.id, body, user, query.tz), user);
  }

  @Post(':id/integrity-declaration')
  @HttpCode(HttpStatus.OK)
  @Roles('unit_operator')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async sign(
    @ZodParams(idParams) params: Id,
    @ZodBody(revisionBody) body: z.infer<typeof revisionBody>,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    const signed = await this.signDeclaration.execute(params.id, body.revision, user, query.tz);
    return this.view(signed, user);
  }

  @Post(':id/submit')
  @HttpCode(HttpStatus.OK)
  @Roles('unit_operator')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async submit(
    @ZodParams(idParams) params: Id,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    return this.view(await this.submitProposal.execute(params.id, user, query.tz), user);
  }

  @Post(':id/return')
  @HttpCode(HttpStatus.OK)
  @Roles('local_admin')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async return(
    @ZodParams(idParams) params: Id,
    @ZodBody(returnBody) body: z.infer<typeof returnBody>,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    const returned = await this.returnProposal.execute(params.id, body.comment, user, query.tz);
    return this.view(returned, user);
  }

  @Post(':id/forward')
  @HttpCode(HttpStatus.OK)
  @Roles('local_admin')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async forward(
    @ZodParams(idParams) params: Id,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    return this.view(await this.forwardProposal.execute(params.id, user, query.tz), user);
  }

  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @Roles('unit_operator')
  @ApiZodResponse(HttpStatus.OK, proposalView)
  async withdraw(
    @ZodParams(idParams) params: Id,
    @ZodQuery(zoneQuery) query: Zone,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<z.infer<typeof proposalView>> {
    return this.view(await this.withdrawProposal.execute(params.id, user, query.tz), user);
  }
}
