import { ProposalForwardedV1, proposalSnapshotSchema } from '@kipp/contracts';
import {
  aProposal,
  CLOSES_AT,
  InMemorySubmissions,
  localAdmin,
  OPEN,
  otherLocalAdmin,
} from '../testing/in-memory-submissions';

const key = { editionId: 'ed_2027', institutionId: 'inst_a', groupId: 'general' };

describe('ForwardProposalUseCase', () => {
  it('should freeze snapshot N+1, take a quota place and publish it keyed by proposal when forwarded', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted', snapshots: [] }));

    const forwarded = await db.useCases().forward.execute('prop_1', localAdmin, undefined, OPEN);

    expect(forwarded).toMatchObject({ status: 'forwarded', revision: 4 });
    expect(forwarded.snapshots).toHaveLength(1);
    expect(db.quotaUsed(key)).toBe(1);
    expect(db.nudges).toBe(1);
    const [event] = db.events;
    expect(event).toMatchObject({
      topic: ProposalForwardedV1.topic,
      key: 'prop_1',
      type: ProposalForwardedV1.type,
      payload: {
        forwardedBy: { kind: 'account', accountId: 'la.a' },
        forwardedAt: OPEN.toISOString(),
      },
    });
    const snapshot = proposalSnapshotSchema.parse(event?.payload.snapshot);
    expect(snapshot).toMatchObject({
      proposalId: 'prop_1',
      snapshotVersion: 1,
      institutionId: 'inst_a',
      innovationStartDate: '2024-03-01',
      evidence: [{ evidenceId: 'service-standard', fileId: 'file_1' }],
    });
    expect(snapshot.sections.find((s) => s.sectionId === 'summary')?.wordCount).toBe(3);
  });

  it('should forward once and take one place when the local admin forwards twice at the same time', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    const { forward } = db.useCases();

    const outcomes = await Promise.allSettled([
      forward.execute('prop_1', localAdmin, undefined, OPEN),
      forward.execute('prop_1', localAdmin, undefined, OPEN),
    ]);

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({
      reason: { code: 'PROPOSAL_STATUS_CONFLICT' },
    });
    expect(db.events).toHaveLength(1);
    expect(db.quotaUsed(key)).toBe(1);
  });

  it('should leave the proposal submitted when the institution’s quota in the group is used up', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    db.setQuotaUsed(key, 10);

    await expect(
      db.useCases().forward.execute('prop_1', localAdmin, undefined, OPEN),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', details: { groupId: 'general', quota: 10 } });
    expect(db.proposal('prop_1')).toMatchObject({ status: 'submitted', snapshots: [] });
    expect(db.events).toEqual([]);
  });

  it('should refuse with 422 listing what the snapshot lacks when the start date is missing', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted', innovationStartDate: null }));

    await expect(
      db.useCases().forward.execute('prop_1', localAdmin, undefined, OPEN),
    ).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_READY',
      details: { failing: [{ check: 'innovation-start-date', outcome: 'fail' }] },
    });
    expect(db.quotaUsed(key)).toBe(0);
  });

  it('should refuse another institution’s admin, a wrong status and the closed window alike', async () => {
    const db = new InMemorySubmissions();
    db.add(aProposal({ status: 'submitted' }));
    db.add(aProposal({ _id: 'prop_draft', status: 'draft' }));
    const { forward } = db.useCases();

    await expect(forward.execute('prop_1', otherLocalAdmin, undefined, OPEN)).rejects.toMatchObject(
      { code: 'PROPOSAL_NOT_FOUND' },
    );
    await expect(forward.execute('prop_draft', localAdmin, undefined, OPEN)).rejects.toMatchObject({
      code: 'PROPOSAL_STATUS_CONFLICT',
    });
    await expect(forward.execute('prop_1', localAdmin, undefined, CLOSES_AT)).rejects.toMatchObject(
      {
        code: 'SUBMISSION_CLOSED',
        details: { timeZone: 'WITA', closesAtLocal: '2027-04-01 00:59:59 WITA' },
      },
    );
    expect(db.events).toEqual([]);
  });
});
