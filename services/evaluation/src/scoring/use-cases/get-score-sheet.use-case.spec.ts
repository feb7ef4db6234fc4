import { editionConfigurationExample, proposalSnapshotExample } from '@kipp/contracts';
import {
  aFinalist,
  anAssignment,
  anEdition,
  aProposal,
  evaluator,
  InMemoryScoring,
  panelist,
} from '../testing/in-memory-scoring';

const desk = { stage: 'desk' as const, assignmentId: 'asg_1' };
const panel = { stage: 'panel' as const, editionId: 'ed_2027', proposalId: 'prop_1' };
function world(blindReview: boolean) {
  const settings = editionConfigurationExample.evaluation;
  if (!settings) throw new Error('the example edition has evaluation settings');
  const db = new InMemoryScoring();
  db.editions.set('ed_2027', anEdition({ evaluation: { ...settings, blindReview } }));
  db.assignments.set('asg_1', anAssignment());
  db.proposals.set('prop_1', aProposal());
  db.registry.set('inst_3273', 'Pemerintah Kota Bandung (registry)');
  return db;
}

const evidenceOfExample = proposalSnapshotExample.evidence.map((e) => ({
  evidenceId: e.evidenceId,
  fileId: e.fileId,
  filename: e.filename,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
}));

describe('GetScoreSheetUseCase', () => {
  it('should give the evaluator the forwarded sections and evidence without the institution when the review is blind', async () => {
    const reading = await world(true).useCases().get.execute(desk, evaluator('ev_1'));

    expect(reading.sheet).toBeNull();
    expect(reading.proposal).toEqual({
      proposalId: 'prop_1',
      title: proposalSnapshotExample.title,
      categoryId: 'health',
      groupId: 'general',
      snapshotVersion: 1,
      sections: proposalSnapshotExample.sections,
      evidence: evidenceOfExample,
      institution: null,
    });
    // Nothing else of the snapshot names who proposed or signed it.
    expect(JSON.stringify(reading.proposal)).not.toMatch(/inst_|unit_|acct_/);
  });

  it('should name the institution as forwarded when the review is not blind', async () => {
    const reading = await world(false).useCases().get.execute(desk, evaluator('ev_1'));

    expect(reading.proposal?.institution).toEqual({
      institutionId: 'inst_3273',
      name: 'Kota Bandung',
      unitId: 'unit_dinkes',
    });
  });

  it("should name a finalist's institution from the registry when the forwarded copy has none", async () => {
    const db = world(true);
    db.proposals.set('prop_1', aProposal({ institution: null }));
    db.editions.set('ed_2027', { ...anEdition(), currentPhase: 'interview' });
    db.finalists.set('prop_1', aFinalist('prop_1'));

    const reading = await db.useCases().get.execute(panel, panelist('pan_1'));

    // A panel sheet always shows it: the finalists are public.
    expect(reading.proposal?.institution?.name).toBe('Pemerintah Kota Bandung (registry)');
    expect(reading.proposal?.sections).toEqual(proposalSnapshotExample.sections);
  });

  it('should answer without a proposal when its snapshot is not known here', async () => {
    const db = world(false);
    db.proposals.clear();

    const reading = await db.useCases().get.execute(desk, evaluator('ev_1'));

    expect(reading.proposal).toBeNull();
    expect(reading.target.proposalId).toBe('prop_1');
  });

  it('should refuse the proposal with the sheet when the assignment is someone else’s', async () => {
    await expect(
      world(false).useCases().get.execute(desk, evaluator('ev_other')),
    ).rejects.toMatchObject({ code: 'ASSIGNMENT_NOT_FOUND' });
  });
});
