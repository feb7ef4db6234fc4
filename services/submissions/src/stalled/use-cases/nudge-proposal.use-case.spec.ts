import { ProposalNudgedV1 } from '@kipp/contracts';
import { OutboxNotifier } from '@kipp/messaging';
import { ProposalLoader } from '../../proposal/proposal-loader';
import { SubmissionWindow } from '../../proposal/submission-window';
import {
  aProposal,
  CLOSES_AT,
  InMemorySubmissions,
  localAdmin,
  OPEN,
  otherLocalAdmin,
  operator,
} from '../../proposal/testing/in-memory-submissions';
import { MANUAL_NUDGE_INTERVAL_MS, nudgeRefusal } from '../manual-nudge';
import type { StalledRepository } from '../stalled.repository';
import { NudgeProposalUseCase } from './nudge-proposal.use-case';

const later = (ms: number) => new Date(OPEN.getTime() + ms);

function setUp() {
  const db = new InMemorySubmissions();
  const proposals = db.proposalRepository();
  // The conditional write in memory: the same rule the database filter applies.
  const stalled: Pick<StalledRepository, 'markNudgedByHand'> = {
    markNudgedByHand: (proposalId, now, event) => {
      const stored = db.proposal(proposalId);
      if (!stored || nudgeRefusal(stored, now) !== null) return Promise.resolve(false);
      stored.manualNudgedAt = now;
      stored.outbox.push(event);
      return Promise.resolve(true);
    },
  };
  const outbox = new OutboxNotifier();
  let relayed = 0;
  outbox.attach(() => {
    relayed += 1;
  });
  const nudge = new NudgeProposalUseCase(
    new ProposalLoader(proposals),
    proposals,
    db.editionDirectory(),
    new SubmissionWindow(db.connection()),
    stalled as StalledRepository,
    outbox,
  );
  return { db, nudge, relayed: () => relayed };
}

describe('NudgeProposalUseCase', () => {
  it('should record the nudge and publish it with the message keyed by proposal when the draft is with the unit', async () => {
    const { db, nudge, relayed } = setUp();
    db.add(aProposal({ status: 'returned' }));

    const result = await nudge.execute('prop_1', 'Mohon dilengkapi', localAdmin, undefined, OPEN);

    expect(result).toEqual({
      proposalId: 'prop_1',
      message: 'Mohon dilengkapi',
      nudgedAt: OPEN,
      nextAllowedAt: later(MANUAL_NUDGE_INTERVAL_MS),
    });
    expect(db.proposal('prop_1')?.manualNudgedAt).toEqual(OPEN);
    expect(db.events).toEqual([
      {
        topic: ProposalNudgedV1.topic,
        key: 'prop_1',
        type: ProposalNudgedV1.type,
        payload: {
          proposalId: 'prop_1',
          editionId: 'ed_2027',
          institutionId: 'inst_a',
          unitId: 'unit_a',
          title: 'Posyandu Digital Kota Bandung',
          message: 'Mohon dilengkapi',
          nudgedBy: { kind: 'account', accountId: 'la.a' },
          nudgedAt: OPEN.toISOString(),
          closesAt: CLOSES_AT.toISOString(),
        },
      },
    ]);
    expect(relayed()).toBe(1);
  });

  it('should refuse a second nudge within a day with when the next is possible, and allow it after', async () => {
    const { db, nudge } = setUp();
    db.add(aProposal());
    await nudge.execute('prop_1', null, localAdmin, undefined, OPEN);

    await expect(
      nudge.execute('prop_1', null, localAdmin, undefined, later(MANUAL_NUDGE_INTERVAL_MS - 1)),
    ).rejects.toMatchObject({
      code: 'NUDGE_TOO_SOON',
      details: {
        lastNudgedAt: OPEN.toISOString(),
        nextAllowedAt: later(MANUAL_NUDGE_INTERVAL_MS).toISOString(),
      },
    });
    await nudge.execute('prop_1', null, localAdmin, undefined, later(MANUAL_NUDGE_INTERVAL_MS));
    expect(db.events).toHaveLength(2);
  });

  it('should let only one of two local admins nudging at once through', async () => {
    const { db, nudge } = setUp();
    db.add(aProposal());

    const results = await Promise.allSettled([
      nudge.execute('prop_1', 'a', localAdmin, undefined, OPEN),
      nudge.execute('prop_1', 'b', localAdmin, undefined, OPEN),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((result) => result.status === 'rejected')).toMatchObject({
      reason: { code: 'NUDGE_TOO_SOON' },
    });
    expect(db.events).toHaveLength(1);
  });

  it('should refuse another institution, a unit operator, a proposal not with the unit and the closed window', async () => {
    const { db, nudge } = setUp();
    db.add(aProposal());
    db.add(aProposal({ _id: 'prop_submitted', status: 'submitted' }));
    db.add(aProposal({ _id: 'prop_forwarded', status: 'forwarded' }));

    for (const [id, actor, now, code] of [
      ['prop_1', otherLocalAdmin, OPEN, 'PROPOSAL_NOT_FOUND'],
      ['prop_1', operator, OPEN, 'PROPOSAL_NOT_FOUND'],
      ['prop_missing', localAdmin, OPEN, 'PROPOSAL_NOT_FOUND'],
      ['prop_submitted', localAdmin, OPEN, 'PROPOSAL_STATUS_CONFLICT'],
      ['prop_forwarded', localAdmin, OPEN, 'PROPOSAL_STATUS_CONFLICT'],
      ['prop_1', localAdmin, CLOSES_AT, 'SUBMISSION_CLOSED'],
    ] as const) {
      await expect(nudge.execute(id, null, actor, undefined, now)).rejects.toMatchObject({ code });
    }
    expect(db.events).toEqual([]);
  });
});
