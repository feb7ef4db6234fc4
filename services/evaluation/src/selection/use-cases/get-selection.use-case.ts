import { Injectable } from '@nestjs/common';
import { EditionLookup } from '../../edition/edition-lookup';
import { findDuplicateTitles, prefillChecks } from '../selection-checks';
import { ProposalNotFoundError } from '../selection.errors';
import { SelectionRepository } from '../selection.repository';
import { toSelectionItemView, type SelectionItemView } from '../selection.view';

/** One forwarded proposal with its pre-filled checks and its decision. */
@Injectable()
export class GetSelectionUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
  ) {}

  async execute(proposalId: string): Promise<SelectionItemView> {
    const proposal = await this.selection.findById(proposalId);
    if (!proposal) throw new ProposalNotFoundError(proposalId);
    const edition = await this.editions.require(proposal.editionId);
    const duplicates = findDuplicateTitles(await this.selection.titles(proposal.editionId));
    return toSelectionItemView(
      proposal,
      prefillChecks(proposal.snapshot, edition.configuration.form, duplicates),
    );
  }
}
