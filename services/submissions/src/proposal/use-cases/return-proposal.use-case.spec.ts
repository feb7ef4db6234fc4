import { ProposalReturnedV1 } from '@kipp/contracts';
import {
  aProposal,
  CLOSES_AT,
  InMemorySubmissions,
  localAdmin,
  OPEN,
  otherLocalAdmin,
} from '../testing/in-memory-submissions';

describe('ReturnProposalUseCase', () => {
  it('should send the proposal back with the comment and publish it keyed by proposal when returned', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));

    const returned = await db
      .useCases()
      .return.execute('prop_1', 'Lengkapi ringkasan', localAdmin, undefined, OPEN);

    expect(returned.status).toBe('returned');
    expect(returned.transitions.at(-1)).toMatchObject({
      by: 'la.a',
      comment: 'Lengkapi ringkasan',
    });
    expect(db.events).toEqual([
      {
        topic: ProposalReturnedV1.topic,
        key: 'prop_1',
        type: ProposalReturnedV1.type,
        payload: expect.objectContaining({
          proposalId: 'prop_1',
          unitId: 'unit_a',
          comment: 'Lengkapi ringkasan',
          returnedBy: { kind: 'account', accountId: 'la.a' },
        }) as unknown,
      },
    ]);
    expect(db.nudges).toBe(1);
  });

  it('should refuse a proposal not submitted, another institution’s and the closed window', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    db.add(aProposal({ _id: 'prop_draft', status: 'draft' }));
    const { return: giveBack } = db.useCases();

    for (const [id, actor, now, code] of [
      ['prop_draft', localAdmin, OPEN, 'PROPOSAL_STATUS_CONFLICT'],
      ['prop_1', otherLocalAdmin, OPEN, 'PROPOSAL_NOT_FOUND'],
      ['prop_1', localAdmin, CLOSES_AT, 'SUBMISSION_CLOSED'],
    ] as const) {
      await expect(giveBack.execute(id, 'x', actor, undefined, now)).rejects.toMatchObject({
        code,
      });
    }
    expect(db.events).toEqual([]);
  });
});
