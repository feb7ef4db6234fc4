import { ProposalWithdrawnV1 } from '@kipp/contracts';
import {
  aProposal,
  CLOSES_AT,
  InMemorySubmissions,
  OPEN,
  operator,
  otherUnitOperator,
} from '../testing/in-memory-submissions';

const key = { editionId: 'ed_2027', institutionId: 'inst_a', groupId: 'general' };

describe('WithdrawProposalUseCase', () => {
  it('should give the quota place back and say so in the event when a forwarded proposal is withdrawn', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'forwarded' }));
    db.setQuotaUsed(key, 2);

    await db.useCases().withdraw.execute('prop_1', operator, undefined, OPEN);

    expect(db.proposal('prop_1')?.status).toBe('withdrawn');
    expect(db.quotaUsed(key)).toBe(1);
    expect(db.events).toHaveLength(1);
    expect(db.events[0]).toMatchObject({
      topic: ProposalWithdrawnV1.topic,
      key: 'prop_1',
      payload: { wasForwarded: true, withdrawnAt: OPEN.toISOString() },
    });
  });

  it('should leave the quota alone when a proposal that was never forwarded is withdrawn', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    db.setQuotaUsed(key, 2);

    await db.useCases().withdraw.execute('prop_1', operator, undefined, OPEN);

    expect(db.quotaUsed(key)).toBe(2);
    expect(db.events[0]?.payload).toMatchObject({ wasForwarded: false });
  });

  it('should refuse a second withdrawal, another unit and the closed window without releasing anything', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ _id: 'prop_gone', status: 'withdrawn' }));
    db.add(aProposal({ status: 'forwarded' }));
    db.setQuotaUsed(key, 1);
    const { withdraw } = db.useCases();

    for (const [id, actor, now, code] of [
      ['prop_gone', operator, OPEN, 'PROPOSAL_STATUS_CONFLICT'],
      ['prop_1', otherUnitOperator, OPEN, 'PROPOSAL_NOT_FOUND'],
      ['prop_1', operator, CLOSES_AT, 'SUBMISSION_CLOSED'],
    ] as const) {
      await expect(withdraw.execute(id, actor, undefined, now)).rejects.toMatchObject({ code });
    }
    expect(db.quotaUsed(key)).toBe(1);
    expect(db.events).toEqual([]);
  });
});
