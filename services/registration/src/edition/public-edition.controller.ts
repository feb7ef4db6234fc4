import { Controller, Get, Header, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@kipp/auth';
import { ApiZodResponse, errorResponseSchema, ZodParams, ZodQuery } from '@kipp/service-kit';
import {
  calendarQuery,
  editionParams,
  listQuery,
  type CalendarQuery,
  type EditionParams,
  type ListQuery,
} from './edition.input';
import {
  editionListView,
  editionView,
  toEditionView,
  zonedCalendarView,
  type EditionListView,
  type EditionView,
} from './edition.view';
import {
  GetEditionCalendarUseCase,
  type ZonedCalendar,
} from './use-cases/get-edition-calendar.use-case';
import { GetEditionUseCase } from './use-cases/get-edition.use-case';
import { ListEditionsUseCase } from './use-cases/list-editions.use-case';

/** Published answers change at most with a phase or a published revision. */
const PUBLIC_CACHE = 'public, max-age=60';

/**
 * Published editions for anyone, signed in or not: the rules and the calendar of the
 * competition are announced publicly, and the public portal needs them to show the current
 * phase and when objections may be filed. Drafts do not exist here, and no record of changes.
 */
@ApiTags('editions')
@Public()
@Controller('public/editions')
export class PublicEditionController {
  constructor(
    private readonly listEditions: ListEditionsUseCase,
    private readonly getEdition: GetEditionUseCase,
    private readonly getCalendar: GetEditionCalendarUseCase,
  ) {}

  @Get()
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiZodResponse(HttpStatus.OK, editionListView, 'Published editions, newest first')
  async list(@ZodQuery(listQuery) query: ListQuery): Promise<EditionListView> {
    const editions = await this.listEditions.execute(query, null);
    return { editions: editions.map((edition) => toEditionView(edition, null)) };
  }

  @Get(':editionId')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiZodResponse(HttpStatus.OK, editionView)
  @ApiZodResponse(HttpStatus.NOT_FOUND, errorResponseSchema, 'EDITION_NOT_FOUND (drafts too)')
  async get(@ZodParams(editionParams) params: EditionParams): Promise<EditionView> {
    return toEditionView(await this.getEdition.execute(params.editionId, null), null);
  }

  @Get(':editionId/calendar')
  @Header('Cache-Control', PUBLIC_CACHE)
  @ApiZodResponse(HttpStatus.OK, zonedCalendarView, 'Each phase rendered in WIB, WITA or WIT')
  @ApiZodResponse(HttpStatus.NOT_FOUND, errorResponseSchema, 'EDITION_NOT_FOUND (drafts too)')
  async calendar(
    @ZodParams(editionParams) params: EditionParams,
    @ZodQuery(calendarQuery) query: CalendarQuery,
  ): Promise<ZonedCalendar> {
    return this.getCalendar.execute(params.editionId, query.zone, null);
  }
}
