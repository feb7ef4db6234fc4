import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { TIME_ZONE_OFFSET, type TimeZone } from '@kipp/contracts';
import { renderInZone, type EditionPhase } from '../edition-calendar';
import { GetEditionUseCase } from './get-edition.use-case';

export interface ZonedCalendar {
  editionId: string;
  zone: TimeZone;
  offset: string;
  phases: { phase: EditionPhase; startsAt: string; endsAt: string }[];
}

/** The calendar as the portal shows it: every instant in the viewer's Indonesian zone. */
@Injectable()
export class GetEditionCalendarUseCase {
  constructor(private readonly getEdition: GetEditionUseCase) {}

  async execute(
    editionId: string,
    zone: TimeZone,
    actor: AuthenticatedUser | null,
  ): Promise<ZonedCalendar> {
    const edition = await this.getEdition.execute(editionId, actor);
    return {
      editionId,
      zone,
      offset: TIME_ZONE_OFFSET[zone],
      phases: edition.settings.calendar.map((entry) => ({
        phase: entry.phase,
        startsAt: renderInZone(entry.startsAt, zone),
        endsAt: renderInZone(entry.endsAt, zone),
      })),
    };
  }
}
