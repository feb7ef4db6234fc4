import { ProposalRevisionConflictError } from '../proposal.errors';
import {
  aProposal,
  CLOSES_AT,
  InMemorySubmissions,
  OPEN,
  operator,
  otherUnitOperator,
} from '../testing/in-memory-submissions';

describe('SaveProposalUseCase', () => {
  it('should replace the sections given, keep the others and bump the revision when saved', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ revision: 3 }));
    const saved = await db.useCases().save.execute(
      'prop_1',
      {
        revision: 3,
        title: 'Posyandu Daring',
        sections: [{ sectionId: 'summary', text: 'baru' }],
      },
      operator,
      undefined,
      OPEN,
    );

    expect(saved).toMatchObject({ revision: 4, title: 'Posyandu Daring' });
    expect(saved.sections).toEqual(
      expect.arrayContaining([
        { sectionId: 'summary', text: 'baru' },
        { sectionId: 'innovative-idea', text: 'Jadwal dan catatan gizi di ponsel' },
      ]),
    );
  });

  it('should refuse the second of two editors with the current revision when both read the same one', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ revision: 3 }));
    const { save } = db.useCases();
    await save.execute('prop_1', { revision: 3, title: 'A' }, operator, undefined, OPEN);

    const stale = save.execute('prop_1', { revision: 3, title: 'B' }, operator, undefined, OPEN);

    await expect(stale).rejects.toBeInstanceOf(ProposalRevisionConflictError);
    await expect(stale).rejects.toMatchObject({ details: { currentRevision: 4 } });
    expect(db.proposal('prop_1')?.title).toBe('A');
  });

  it('should change nothing when the proposal is not editable, foreign to the form, another unit’s or past the close', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ _id: 'prop_submitted', status: 'submitted' }));
    db.add(aProposal({ revision: 3 }));
    const { save } = db.useCases();
    const attempts: [Promise<unknown>, string][] = [
      [
        save.execute('prop_submitted', { revision: 3, title: 'x' }, operator, undefined, OPEN),
        'PROPOSAL_STATUS_CONFLICT',
      ],
      [
        save.execute('prop_1', { revision: 3, sdgTargets: ['99.9'] }, operator, undefined, OPEN),
        'NOT_IN_EDITION_FORM',
      ],
      [
        save.execute('prop_1', { revision: 3, title: 'x' }, otherUnitOperator, undefined, OPEN),
        'PROPOSAL_NOT_FOUND',
      ],
      [
        save.execute('prop_1', { revision: 3, title: 'x' }, operator, 'WIT', CLOSES_AT),
        'SUBMISSION_CLOSED',
      ],
    ];
    for (const [attempt, code] of attempts) await expect(attempt).rejects.toMatchObject({ code });
    expect(db.proposal('prop_1')).toMatchObject({ revision: 3, title: aProposal().title });
  });
});
