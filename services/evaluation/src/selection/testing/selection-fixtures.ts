import { editionConfigurationExample, proposalSnapshotExample } from '@kipp/contracts';
import type { EditionProjection } from '../../edition/edition.schema';
import type { EvaluationProposal } from '../../proposal/proposal.schema';

/** Fixtures of the selection unit specs. */
export const editionInSelection: EditionProjection = {
  _id: 'ed_2027',
  configuration: editionConfigurationExample,
  revision: 1,
  currentPhase: 'administrative-selection',
  currentPhaseChangedAt: new Date('2027-04-01T00:00:00Z'),
  createdAt: new Date(),
  updatedAt: new Date(),
};

export function forwardedProposal(overrides: Partial<EvaluationProposal> = {}): EvaluationProposal {
  return {
    _id: 'prop_1',
    editionId: 'ed_2027',
    groupId: 'general',
    categoryId: 'health',
    institutionId: 'inst_3273',
    unitId: 'unit_dinkes',
    title: 'Posyandu Digital',
    snapshot: proposalSnapshotExample,
    snapshotVersion: 2,
    institution: null,
    forwardedAt: new Date('2027-03-25T03:00:00Z'),
    withdrawnAt: null,
    selection: null,
    disqualification: null,
    outbox: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...overrides,
  };
}
