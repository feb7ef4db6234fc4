import { Injectable } from '@nestjs/common';
import { EditionLookup } from '../../edition/edition-lookup';
import { SelectionRepository } from '../selection.repository';
import type { SelectionSummaryView } from '../selection.view';

/** How far administrative selection of an edition has come. */
@Injectable()
export class GetSelectionSummaryUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
  ) {}

  async execute(editionId: string): Promise<SelectionSummaryView> {
    await this.editions.require(editionId);
    return { editionId, ...(await this.selection.counts(editionId)) };
  }
}
