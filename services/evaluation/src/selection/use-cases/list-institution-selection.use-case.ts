import { Injectable } from '@nestjs/common';
import { assertInstitutionScope, type AuthenticatedUser } from '@kipp/auth';
import { EditionLookup } from '../../edition/edition-lookup';
import { SelectionRepository } from '../selection.repository';
import { toDecisionView, type InstitutionSelectionView } from '../selection.view';

/** An institution's forwarded proposals in an edition and the decisions with their reasons. */
@Injectable()
export class ListInstitutionSelectionUseCase {
  constructor(
    private readonly editions: EditionLookup,
    private readonly selection: SelectionRepository,
  ) {}

  async execute(
    user: AuthenticatedUser,
    institutionId: string,
    editionId: string,
  ): Promise<InstitutionSelectionView> {
    assertInstitutionScope(user, institutionId);
    await this.editions.require(editionId);
    const proposals = await this.selection.listByInstitution(institutionId, editionId);
    // The scope check above is on the route; this one holds on the data actually loaded.
    for (const proposal of proposals) assertInstitutionScope(user, proposal.institutionId);
    return {
      institutionId,
      editionId,
      items: proposals.map((proposal) => ({
        proposalId: proposal._id,
        unitId: proposal.unitId,
        title: proposal.title,
        groupId: proposal.groupId,
        categoryId: proposal.categoryId,
        snapshotVersion: proposal.snapshotVersion,
        decision: toDecisionView(proposal.selection),
      })),
    };
  }
}
