import {
  aProposal,
  InMemorySubmissions,
  localAdmin,
  nationalAdmin,
  operator,
  otherLocalAdmin,
  otherUnitOperator,
} from '../testing/in-memory-submissions';

describe('GetProposalUseCase', () => {
  it('should show the proposal with its edition to its unit and its local admin', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal());
    const { get } = db.useCases();

    for (const actor of [operator, localAdmin]) {
      const { proposal, edition } = await get.execute('prop_1', actor);
      expect(proposal._id).toBe('prop_1');
      expect(edition._id).toBe('ed_2027');
    }
  });

  it('should answer as for a missing proposal when the caller is out of scope', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    const { get } = db.useCases();

    for (const actor of [otherUnitOperator, otherLocalAdmin, nationalAdmin]) {
      await expect(get.execute('prop_1', actor)).rejects.toMatchObject({
        code: 'PROPOSAL_NOT_FOUND',
      });
    }
    await expect(get.execute('prop_none', operator)).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('should show the national admin a proposal once it was forwarded', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'forwarded' }));
    const { proposal } = await db.useCases().get.execute('prop_1', nationalAdmin);
    expect(proposal.status).toBe('forwarded');
  });
});
