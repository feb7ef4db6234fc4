import { aProposal, InMemorySubmissions, OPEN, operator } from '../testing/in-memory-submissions';

describe('SignIntegrityDeclarationUseCase', () => {
  it('should record who signed and when, and pass the check, when the unit operator signs', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ integrityDeclaration: null, revision: 5 }));

    const signed = await db.useCases().sign.execute('prop_1', 5, operator, undefined, OPEN);

    expect(signed.integrityDeclaration).toEqual({ signedBy: 'op.a', signedAt: OPEN });
    expect(signed.revision).toBe(6);
    expect(signed.eligibility).toContainEqual(
      expect.objectContaining({ check: 'integrity-declaration', outcome: 'pass' }),
    );
  });

  it('should refuse a stale revision and a proposal no longer editable when signing', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ integrityDeclaration: null, revision: 5 }));
    db.add(aProposal({ _id: 'prop_2', status: 'forwarded' }));
    const { sign } = db.useCases();

    await expect(sign.execute('prop_1', 4, operator, undefined, OPEN)).rejects.toMatchObject({
      code: 'PROPOSAL_REVISION_CONFLICT',
      details: { currentRevision: 5 },
    });
    await expect(sign.execute('prop_2', 3, operator, undefined, OPEN)).rejects.toMatchObject({
      code: 'PROPOSAL_STATUS_CONFLICT',
    });
    expect(db.proposal('prop_1')?.integrityDeclaration).toBeNull();
  });
});
