import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@kipp/auth';
import { shiftCalendarByYears } from '../edition-calendar';
import { EditionNotFoundError } from '../edition.errors';
import type { CloneEditionInput } from '../edition.input';
import { EditionRepository } from '../edition.repository';
import type { Edition } from '../edition.schema';
import { CreateEditionUseCase } from './create-edition.use-case';

/**
 * Starts next year's edition from an earlier one: everything copied, the name and year
 * replaced and the calendar moved by the difference in years, as a new draft.
 */
@Injectable()
export class CloneEditionUseCase {
  constructor(
    private readonly editions: EditionRepository,
    private readonly createEdition: CreateEditionUseCase,
  ) {}

  async execute(input: CloneEditionInput, actor: AuthenticatedUser): Promise<Edition> {
    const source = await this.editions.findById(input.cloneFrom);
    if (!source) throw new EditionNotFoundError(input.cloneFrom);
    const settings = {
      ...source.settings,
      name: input.name,
      year: input.year,
      calendar: shiftCalendarByYears(source.settings.calendar, input.year - source.settings.year),
    };
    return this.createEdition.execute(settings, actor, source._id);
  }
}
