import { Injectable } from '@nestjs/common';
import { EditionLookup } from '../../edition/edition-lookup';
import { findDuplicateTitles, prefillChecks } from '../selection-checks';
import { SelectionRepository, type SelectionListFilter } from '../selection.repository';
import { toSelectionItemView, type SelectionPageView } from '../selection.view';

export interface SelectionListQuery extends SelectionListFilter {
  page: number;
  pageSize: number;
}

/** An edition's forwarded proposals with every check pre-filled, one page at a time. */
@Injectable()
export class ListSelectionUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
  ) {}

  async execute(editionId: string, query: SelectionListQuery): Promise<SelectionPageView> {
    const edition = await this.editions.require(editionId);
    const { page, pageSize, ...filter } = query;
    const [{ items, total }, titles] = await Promise.all([
      this.selection.page(editionId, filter, (page - 1) * pageSize, pageSize),
      this.selection.titles(editionId),
    ]);
    const duplicates = findDuplicateTitles(titles);
    return {
      items: items.map((proposal) =>
        toSelectionItemView(
          proposal,
          prefillChecks(proposal.snapshot, edition.configuration.form, duplicates),
        ),
      ),
      total,
      page,
      pageSize,
    };
  }
}
