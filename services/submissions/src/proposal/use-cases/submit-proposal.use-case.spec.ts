import { aProposal, InMemorySubmissions, OPEN, operator } from '../testing/in-memory-submissions';

describe('SubmitProposalUseCase', () => {
  it('should hand the proposal to the local admin without an event when every check passes', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'returned' }));

    const submitted = await db.useCases().submit.execute('prop_1', operator, undefined, OPEN);

    expect(submitted).toMatchObject({ status: 'submitted', statusSince: OPEN, revision: 4 });
    expect(submitted.transitions.at(-1)).toMatchObject({ from: 'returned', to: 'submitted' });
    expect(db.events).toEqual([]);
  });

  it('should answer 422 listing every failing check when the proposal is not ready', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ evidence: [], integrityDeclaration: null }));

    const refused = db.useCases().submit.execute('prop_1', operator, undefined, OPEN);

    await expect(refused).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_READY',
      status: 422,
      details: {
        failing: [
          expect.objectContaining({ check: 'required-evidence', outcome: 'fail' }),
          expect.objectContaining({ check: 'integrity-declaration', outcome: 'fail' }),
        ],
      },
    });
    expect(db.proposal('prop_1')?.status).toBe('draft');
  });

  it('should act once when the unit submits twice at the same time', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal());
    const { submit } = db.useCases();

    const [first, second] = await Promise.allSettled([
      submit.execute('prop_1', operator, undefined, OPEN),
      submit.execute('prop_1', operator, undefined, OPEN),
    ]);

    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({
      status: 'rejected',
      reason: { code: 'PROPOSAL_STATUS_CONFLICT' },
    });
    expect(db.proposal('prop_1')?.transitions).toHaveLength(1);
  });
});
