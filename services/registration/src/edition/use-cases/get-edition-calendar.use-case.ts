import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import {
  renderInZone,
  TIME_ZONES,
  type EditionPhase,
  type TimeZoneLabel,
} from '../edition-calendar';
import { GetEditionUseCase } from './get-edition.use-case';

export interface ZonedCalendar {
  editionId: string;
  zone: TimeZoneLabel;
  offset: string;
  phases: { phase: EditionPhase; startsAt: string; endsAt: string }[];
}

/** The calendar as the portal shows it: every instant in the viewer's Indonesian zone. */
@Injectable()
export class GetEditionCalendarUseCase {
  constructor(private readonly getEdition: GetEditionUseCase) {}

  async execute(
    editionId: string,
    zone: TimeZoneLabel,
    actor: AuthenticatedUser,
  ): Promise<ZonedCalendar> {
    const edition = await this.getEdition.execute(editionId, actor);
    return {
      editionId,
      zone,
      offset: TIME_ZONES[zone].offset,
      phases: edition.settings.calendar.map((entry) => ({
        phase: entry.phase,
        startsAt: renderInZone(entry.startsAt, zone),
        endsAt: renderInZone(entry.endsAt, zone),
      })),
    };
  }
}
