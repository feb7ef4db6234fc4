import {
  aProposal,
  InMemorySubmissions,
  localAdmin,
  nationalAdmin,
  operator,
  otherLocalAdmin,
} from '../testing/in-memory-submissions';

function seeded(): InMemorySubmissions {
  const db = new InMemorySubmissions();
  db.add(aProposal({ _id: 'a_draft', status: 'draft' }));
  db.add(aProposal({ _id: 'a_forwarded', status: 'forwarded' }));
  db.add(aProposal({ _id: 'b_submitted', unitId: 'unit_b', status: 'submitted' }));
  db.add(aProposal({ _id: 'z_forwarded', institutionId: 'inst_z', status: 'forwarded' }));
  return db;
}

const ids = (proposals: readonly { _id: string }[]) => proposals.map((p) => p._id).sort();

describe('ListProposalsUseCase', () => {
  it('should list the unit’s, the institution’s or the forwarded proposals depending on who asks', async () => {
    const { list } = seeded().useCases();

    expect(ids(await list.execute({}, operator))).toEqual(['a_draft', 'a_forwarded']);
    expect(ids(await list.execute({}, localAdmin))).toEqual([
      'a_draft',
      'a_forwarded',
      'b_submitted',
    ]);
    expect(ids(await list.execute({}, otherLocalAdmin))).toEqual(['z_forwarded']);
    expect(ids(await list.execute({}, nationalAdmin))).toEqual(['a_forwarded', 'z_forwarded']);
  });

  it('should never show the national admin drafts when it filters by another status', async () => {
    const { list } = seeded().useCases();
    expect(await list.execute({ status: 'draft' }, nationalAdmin)).toEqual([]);
    expect(ids(await list.execute({ status: 'submitted' }, localAdmin))).toEqual(['b_submitted']);
  });
});
