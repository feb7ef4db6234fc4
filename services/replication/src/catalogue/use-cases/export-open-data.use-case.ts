import { Inject, Injectable } from '@nestjs/common';
import { CATALOGUE_SETTINGS, type CatalogueSettings } from '../catalogue.settings';
import { InnovationRepository } from '../innovation.repository';
import { toRow } from '../innovation.views';
import { csvLine } from '@kipp/service-kit';
import { CSV_COLUMNS, csvCellsOf } from '../open-data/open-data-format';

/**
 * Every published innovation as open data, produced chunk by chunk from batched reads so an
 * export never holds the whole database in memory.
 */
@Injectable()
export class ExportOpenDataUseCase {
  constructor(
    private readonly innovations: InnovationRepository,
    @Inject(CATALOGUE_SETTINGS) private readonly settings: CatalogueSettings,
  ) {}

  get licence(): string {
    return this.settings.licence;
  }

  /** `{ licence, generatedAt, items, count }`: count comes last, once the items are out. */
  async *json(now = new Date()): AsyncGenerator<string> {
    yield `{"licence":${JSON.stringify(this.licence)},"generatedAt":"${now.toISOString()}","items":[`;
    let count = 0;
    for await (const innovation of this.innovations.all()) {
      yield `${count === 0 ? '' : ','}${JSON.stringify(toRow(innovation))}`;
      count += 1;
    }
    yield `],"count":${count}}`;
  }

  async *csv(): AsyncGenerator<string> {
    yield csvLine(CSV_COLUMNS);
    for await (const innovation of this.innovations.all())
      yield csvLine(csvCellsOf(toRow(innovation)));
  }
}
