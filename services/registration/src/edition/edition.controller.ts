import { Controller, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthenticatedUser } from '@kipp/auth';
import {
  ApiZodResponse,
  errorResponseSchema,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@kipp/service-kit';
import {
  calendarQuery,
  changePhaseInput,
  createEditionInput,
  editionParams,
  listQuery,
  updateEditionInput,
  type CalendarQuery,
  type ChangePhaseInput,
  type CreateEditionInput,
  type EditionParams,
  type ListQuery,
  type UpdateEditionInput,
} from './edition.input';
import {
  editionListView,
  editionView,
  toEditionView,
  zonedCalendarView,
  type EditionListView,
  type EditionView,
} from './edition.view';
import { ChangeEditionPhaseUseCase } from './use-cases/change-edition-phase.use-case';
import { CloneEditionUseCase } from './use-cases/clone-edition.use-case';
import { CreateEditionUseCase } from './use-cases/create-edition.use-case';
import {
  GetEditionCalendarUseCase,
  type ZonedCalendar,
} from './use-cases/get-edition-calendar.use-case';
import { GetEditionUseCase } from './use-cases/get-edition.use-case';
import { ListEditionsUseCase } from './use-cases/list-editions.use-case';
import { PublishEditionUseCase } from './use-cases/publish-edition.use-case';
import { UpdateEditionUseCase } from './use-cases/update-edition.use-case';

@ApiTags('editions')
@ApiBearerAuth()
@Controller('editions')
export class EditionController {
  constructor(
    private readonly createEdition: CreateEditionUseCase,
    private readonly cloneEdition: CloneEditionUseCase,
    private readonly updateEdition: UpdateEditionUseCase,
    private readonly publishEdition: PublishEditionUseCase,
    private readonly getEdition: GetEditionUseCase,
    private readonly listEditions: ListEditionsUseCase,
    private readonly getCalendar: GetEditionCalendarUseCase,
    private readonly changePhase: ChangeEditionPhaseUseCase,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.CREATED, editionView, 'The new draft edition')
  @ApiZodResponse(HttpStatus.BAD_REQUEST, errorResponseSchema, 'EDITION_INVALID with every issue')
  @ApiZodResponse(HttpStatus.CONFLICT, errorResponseSchema, 'EDITION_YEAR_TAKEN')
  async create(
    @ZodBody(createEditionInput) body: CreateEditionInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionView> {
    const edition =
      'cloneFrom' in body
        ? await this.cloneEdition.execute(body, user)
        : await this.createEdition.execute(body, user);
    return toEditionView(edition, user);
  }

  @Get()
  @ApiZodResponse(HttpStatus.OK, editionListView, 'Drafts only for the national admin')
  async list(
    @ZodQuery(listQuery) query: ListQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionListView> {
    const editions = await this.listEditions.execute(query, user);
    return { editions: editions.map((edition) => toEditionView(edition, user)) };
  }

  @Get(':editionId')
  @ApiZodResponse(HttpStatus.OK, editionView)
  @ApiZodResponse(HttpStatus.NOT_FOUND, errorResponseSchema, 'EDITION_NOT_FOUND (drafts too)')
  async get(
    @ZodParams(editionParams) params: EditionParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionView> {
    return toEditionView(await this.getEdition.execute(params.editionId, user), user);
  }

  @Get(':editionId/calendar')
  @ApiZodResponse(HttpStatus.OK, zonedCalendarView, 'Each phase rendered in WIB, WITA or WIT')
  async calendar(
    @ZodParams(editionParams) params: EditionParams,
    @ZodQuery(calendarQuery) query: CalendarQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<ZonedCalendar> {
    return this.getCalendar.execute(params.editionId, query.zone, user);
  }

  @Put(':editionId')
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, editionView)
  @ApiZodResponse(
    HttpStatus.CONFLICT,
    errorResponseSchema,
    'EDITION_REVISION_CONFLICT or EDITION_YEAR_TAKEN',
  )
  async update(
    @ZodParams(editionParams) params: EditionParams,
    @ZodBody(updateEditionInput) body: UpdateEditionInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionView> {
    return toEditionView(await this.updateEdition.execute(params.editionId, body, user), user);
  }

  @Post(':editionId/publication')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, editionView, 'The edition, published at revision 1')
  @ApiZodResponse(HttpStatus.CONFLICT, errorResponseSchema, 'EDITION_ALREADY_PUBLISHED')
  async publish(
    @ZodParams(editionParams) params: EditionParams,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionView> {
    return toEditionView(await this.publishEdition.execute(params.editionId, user), user);
  }

  @Post(':editionId/phase')
  @HttpCode(HttpStatus.OK)
  @Roles('national_admin')
  @ApiZodResponse(HttpStatus.OK, editionView, 'The edition in its new phase')
  @ApiZodResponse(
    HttpStatus.CONFLICT,
    errorResponseSchema,
    'EDITION_NOT_PUBLISHED, EDITION_ALREADY_IN_PHASE or EDITION_PHASE_CONFLICT',
  )
  async movePhase(
    @ZodParams(editionParams) params: EditionParams,
    @ZodBody(changePhaseInput) body: ChangePhaseInput,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<EditionView> {
    return toEditionView(await this.changePhase.execute(params.editionId, body, user), user);
  }
}
